using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAITrends.Core.Classification;

/// <summary>The JSON file saved next to the ML.NET zip: version, thresholds and calibration per theme, how it was trained.</summary>
public sealed record ThemeModelManifest
{
    public const int CurrentFormat = 1;
    public const string ZipFileName = "themes.zip";
    public const string ManifestFileName = "themes.json";

    public int Format { get; init; } = CurrentFormat;

    public string ModelVersion { get; init; } = string.Empty;

    public DateTime CreatedUtc { get; init; }

    public string Normalizer { get; init; } = "ThemeTextNormalizer/1";

    public ThemeFeaturizerOptions Featurizer { get; init; } = new();

    public string Trainer { get; init; } = string.Empty;

    public IReadOnlyList<ThemeManifestEntry> Themes { get; init; } = [];

    public IReadOnlyDictionary<string, int> TrainingCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>Raw head scores of a few fixed texts computed by the ML.NET chain at training time; a loaded model's compiled scorer must reproduce them.</summary>
    public IReadOnlyList<ThemeSelfCheck> SelfCheck { get; init; } = [];

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));

    public static ThemeModelManifest Read(string path)
    {
        var manifest = JsonSerializer.Deserialize<ThemeModelManifest>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        if (manifest.Format != CurrentFormat)
        {
            throw new InvalidDataException($"{path}: format {manifest.Format}, expected {CurrentFormat}.");
        }

        if (!manifest.Themes.Select(t => t.Id).SequenceEqual(ThemeIds.All))
        {
            throw new InvalidDataException($"{path}: themes {string.Join(",", manifest.Themes.Select(t => t.Id))} do not match {string.Join(",", ThemeIds.All)}.");
        }

        if (manifest.Featurizer.LexiconTokens && manifest.Featurizer.Lexicon != ThemeLexicon.Fingerprint)
        {
            throw new InvalidDataException(
                $"{path}: the model was trained with keyword lexicon {manifest.Featurizer.Lexicon ?? "(none recorded)"}, but this build has {ThemeLexicon.Fingerprint}. Retrain it: genaitrends train themes.");
        }

        return manifest;
    }
}

public sealed record ThemeManifestEntry
{
    public string Id { get; init; } = string.Empty;

    public double Threshold { get; init; }

    public double PlattSlope { get; init; }

    public double PlattOffset { get; init; }

    public double OutOfFoldWeightedF1 { get; init; }
}

public sealed record ThemeSelfCheck
{
    public string Text { get; init; } = string.Empty;

    public IReadOnlyList<float> Scores { get; init; } = [];
}
