using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Tests.Classification;

[Collection(ShippedModelsCollection.Name)]
public sealed class ThemeModelRoundTripTests(ShippedModels models) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "genaitrends-themes-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Saved_and_reloaded_theme_model_gives_identical_probabilities_and_thresholds()
    {
        models.Themes.Save(_dir);
        Assert.True(File.Exists(Path.Combine(_dir, ThemeModelManifest.ZipFileName)));
        Assert.True(File.Exists(Path.Combine(_dir, ThemeModelManifest.ManifestFileName)));
        Assert.True(File.Exists(Path.Combine(_dir, ThemeModel.IdfFileName)), "the shipped model is TF-IDF, so Save writes its IDF table");

        var reloaded = ThemeModel.Load(_dir);

        Assert.Equal(models.Themes.Manifest.ModelVersion, reloaded.Manifest.ModelVersion);
        Assert.Equal(models.Themes.Thresholds, reloaded.Thresholds);
        Assert.Equal(models.Themes.Path, reloaded.Path);
        var texts = ThemeCase.Texts.Concat(["", "a", "#OpenSourceAI 🚀 https://example.com/x @someone"]).ToList();
        var before = models.Themes.PredictBatch(texts);
        var after = reloaded.PredictBatch(texts);
        for (int i = 0; i < texts.Count; i++)
        {
            Assert.Equal(before[i].Probabilities, after[i].Probabilities);
            Assert.Equal(before[i].Themes, after[i].Themes);
        }
    }

    [Fact]
    public void Thresholds_come_from_the_manifest_a_loaded_model_reads()
    {
        models.Themes.Save(_dir);
        var manifestPath = Path.Combine(_dir, ThemeModelManifest.ManifestFileName);
        var manifest = ThemeModelManifest.Read(manifestPath);
        // Everything at 0.5 except cloud, which is never reached (a probability is at most 1).
        var changed = manifest with
        {
            Themes = manifest.Themes.Select(t => t with { Threshold = t.Id == ThemeIds.Cloud ? 1.5 : 0.5 }).ToList(),
        };
        changed.Write(manifestPath);

        var reloaded = ThemeModel.Load(_dir);

        Assert.Equal([0.5f, 0.5f, 0.5f, 1.5f, 0.5f], reloaded.Thresholds);
        var predictions = reloaded.PredictBatch(ThemeCase.Texts);
        Assert.Contains(predictions, p => p.ProbabilityOf(ThemeIds.Cloud) > 0.9f);
        foreach (var p in predictions)
        {
            Assert.DoesNotContain(ThemeIds.Cloud, p.Themes);
            var expected = ThemeIds.All.Where(id => id != ThemeIds.Cloud && p.ProbabilityOf(id) >= 0.5f);
            Assert.Equal(expected, p.Themes);
        }
    }
}
