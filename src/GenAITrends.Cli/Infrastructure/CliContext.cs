using GenAITrends.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace GenAITrends.Cli.Infrastructure;

/// <summary>Configuration, logging and the database for one CLI run: the same sources as the web app.</summary>
public sealed class CliContext : IDisposable
{
    private readonly Serilog.Core.Logger _serilog;

    public IConfiguration Configuration { get; }
    public string ConnectionString { get; }
    public ILoggerFactory LoggerFactory { get; }

    private CliContext(IConfiguration configuration, string connectionString, Serilog.Core.Logger serilog)
    {
        Configuration = configuration;
        ConnectionString = connectionString;
        _serilog = serilog;
        LoggerFactory = new SerilogLoggerFactory(serilog);
    }

    public static async Task<CliContext> OpenAsync(string? dbPath, CancellationToken ct, bool migrate = true)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var connectionString = DatabaseLocation.Resolve(configuration.GetConnectionString("Default"), dbPath);

        // Log files go next to the database, like the web app's.
        var logDir = Path.Combine(Path.GetDirectoryName(DatabaseLocation.DataSourcePath(connectionString))!, "logs");
        var serilog = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .WriteTo.File(Path.Combine(logDir, "cli-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
            .CreateLogger();

        var context = new CliContext(configuration, connectionString, serilog);
        if (migrate) await DatabaseInitializer.MigrateAsync(connectionString, ct);
        return context;
    }

    public void Dispose()
    {
        LoggerFactory.Dispose();
        _serilog.Dispose();
    }
}
