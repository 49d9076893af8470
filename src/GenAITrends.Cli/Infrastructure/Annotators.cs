using GenAITrends.Core.Ingestion;

namespace GenAITrends.Cli.Infrastructure;

/// <summary>Chooses what tags posts during import.</summary>
public static class Annotators
{
    public static IPostAnnotator Load(CliContext cli) => new GenAITrends.Core.Classification.KeywordAnnotator();
}
