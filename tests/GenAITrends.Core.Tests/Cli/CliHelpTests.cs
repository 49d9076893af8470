using GenAITrends.Core.Tests.Reliability;

namespace GenAITrends.Core.Tests.Cli;

/// <summary>
/// Every command's help prints (descriptions are Spectre markup: an unescaped "[--option]" in one made
/// `genaitrends train --help` fail with "Could not find color or style").
/// </summary>
public sealed class CliHelpTests
{
    [Theory]
    [InlineData("train", "themes|sentiment [--data …] [--out …]")]
    [InlineData("evaluate", "themes|sentiment FILE [--json]")]
    public async Task Top_level_help_lists_commands_with_their_bracketed_options(string command, string usage)
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "--help");
        Assert.True(exit == 0, stderr + stdout);
        Assert.Contains(usage, stdout);
        Assert.Contains(command, stdout);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("stats")]
    [InlineData("report")]
    [InlineData("train")]
    [InlineData("classify")]
    [InlineData("evaluate")]
    [InlineData("reclassify")]
    [InlineData("generate")]
    [InlineData("bench", "api")]
    [InlineData("users", "add")]
    public async Task Command_help_prints_without_a_markup_error(params string[] command)
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), [.. command, "--help"]);
        Assert.True(exit == 0, stderr + stdout);
        Assert.DoesNotContain("Could not find color or style", stdout + stderr);
        Assert.Contains("USAGE", stdout);
    }
}
