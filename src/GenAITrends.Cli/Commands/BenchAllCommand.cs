using System.ComponentModel;
using System.Diagnostics;
using GenAITrends.Cli.Benchmarks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>`genaitrends bench all`: every benchmark in turn on the same machine, each printing its medians and references.</summary>
public sealed class BenchAllCommand : Command<BenchAllCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--posts <N>")]
        [Description("Posts generated for the import, API and report benchmarks (default 1,000,000)")]
        public int Posts { get; init; } = 1_000_000;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken ct)
    {
        var (self, prefix) = BenchRunner.Self();
        var posts = settings.Posts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var db = Path.Combine(BenchRunner.ScratchDirectory(), $"bench-all-{posts}.db");
        string[][] steps =
        [
            ["bench", "import", "--posts", posts],
            ["bench", "classify"],
            ["bench", "api", "--posts", posts, "--db", db],
            ["bench", "report", "--posts", posts, "--db", db],
        ];
        var failed = 0;
        foreach (var step in steps)
        {
            AnsiConsole.MarkupLine($"[bold]genaitrends {Markup.Escape(string.Join(' ', step))}[/]");
            var psi = new ProcessStartInfo(self) { UseShellExecute = false };
            foreach (var a in prefix.Concat(step)) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            if (p.ExitCode != 0) failed++;
        }
        return failed == 0 ? 0 : 1;
    }
}
