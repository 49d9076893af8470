namespace GenAITrends.Web.Infrastructure;

public static class StaticAssetsSetup
{
    /// <summary>The ASP.NET Core setting that lets MapStaticAssets pick up wwwroot edits made after the build.</summary>
    public const string ReloadAtRuntimeKey = "ReloadStaticAssetsAtRuntime";

    /// <summary>
    /// Serve the build output's pre-compressed assets as they are. Run from a build output (<c>dotnet run</c>),
    /// MapStaticAssets by default checks every file against the build manifest and re-sends a file it finds changed
    /// inside an uncompressed gzip stream; ASP.NET Core 10.0.12 compares the file time with sub-second precision
    /// against the manifest's whole seconds, so it finds every file changed and Bootstrap and Chart.js went out at
    /// full size (≈ 510 KB instead of ≈ 130 KB). Off unless set explicitly or under <c>dotnet watch</c>; with it off
    /// an edit in wwwroot needs a rebuild (dotnet run does one) to be served. docs/configuration.md.
    /// </summary>
    public static WebApplicationBuilder AddTrendsStaticAssets(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[ReloadAtRuntimeKey] is null && Environment.GetEnvironmentVariable("DOTNET_WATCH") != "1")
            builder.Configuration.AddInMemoryCollection([new(ReloadAtRuntimeKey, "false")]);
        return builder;
    }
}
