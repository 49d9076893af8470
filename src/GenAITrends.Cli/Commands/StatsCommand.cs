using System.Text.Json;
using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Analytics;
using GenAITrends.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

public sealed class StatsCommand : AsyncCommand<StatsCommand.Settings>
{
    public sealed class Settings : DbSettings
    {
        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        using var cli = await CliContext.OpenAsync(settings.Db, ct);
        await using var db = new Core.Posts.TrendsDbContext(DatabaseInitializer.Options(cli.ConnectionString));
        var s = await DatabaseStats.ReadAsync(db, ct);
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                posts = s.Posts,
                authors = s.Authors,
                batches = s.Batches,
                firstPost = s.FirstPost,
                lastPost = s.LastPost,
                themed = s.PostsWithTheme,
            }));
            return 0;
        }
        var table = new Table().AddColumns("", "");
        table.AddRow("Database", Markup.Escape(DatabaseLocation.DataSourcePath(cli.ConnectionString)));
        table.AddRow("Posts", s.Posts.ToString("N0"));
        table.AddRow("Authors", s.Authors.ToString("N0"));
        table.AddRow("Import batches", s.Batches.ToString("N0"));
        table.AddRow("First post", s.FirstPost?.ToString("u") ?? "–");
        table.AddRow("Last post", s.LastPost?.ToString("u") ?? "–");
        table.AddRow("Posts with a theme", s.PostsWithTheme.ToString("N0"));
        AnsiConsole.Write(table);
        return 0;
    }
}
