using System.ComponentModel;
using GenAITrends.Core.Ingestion;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

public sealed class GenerateCommand : Command<GenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--posts <N>")]
        [Description("Number of posts (default 1,000,000; about 200 bytes each)")]
        public int Posts { get; init; } = 1_000_000;

        [CommandOption("--out <FILE>")]
        public string Out { get; init; } = "";

        [CommandOption("--seed <S>")]
        public int Seed { get; init; } = 42;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out FILE is required")
            : Posts <= 0 ? ValidationResult.Error("--posts must be positive")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken ct)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (dir is not null) Directory.CreateDirectory(dir);
        SyntheticExport.Write(settings.Out, settings.Posts, settings.Seed);
        var size = new FileInfo(settings.Out).Length;
        AnsiConsole.MarkupLine($"Wrote {settings.Posts:N0} posts ({size / 1e6:N1} MB) to {Markup.Escape(settings.Out)}");
        return 0;
    }
}
