using System.ComponentModel;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Infrastructure;

public class DbSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("SQLite database file (default: ConnectionStrings:Default, i.e. .data/genaitrends.db)")]
    public string? Db { get; init; }
}
