using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GenAITrends.Cli.Infrastructure;

/// <summary>Chooses what tags posts during import: the shipped models, or keyword rules when they are missing.</summary>
public static class Annotators
{
    public static string ModelsDirectory(CliContext cli) =>
        RepositoryPaths.Resolve(cli.Configuration["Models:Directory"] ?? TrendModels.DefaultDirectory);

    public static IPostAnnotator Load(CliContext cli)
    {
        var dir = ModelsDirectory(cli);
        var annotator = TrendModels.LoadAnnotator(dir);
        if (annotator is KeywordAnnotator)
            cli.LoggerFactory.CreateLogger("Models").LogWarning("No model files in {Directory}: posts are tagged with keyword rules and get no sentiment", dir);
        return annotator;
    }
}
