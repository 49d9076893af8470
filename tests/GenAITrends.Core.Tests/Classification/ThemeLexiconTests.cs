using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Tests.Classification;

public sealed class ThemeLexiconTests
{
    [Theory]
    [InlineData("サムスンの社員がChatGPTで情報漏洩", ThemeIds.Security)]
    [InlineData("イタリアがChatGPTを禁止", ThemeIds.RegulationEthics)]
    [InlineData("开源模型又进步了", ThemeIds.OpenSourceLlmOs)]
    [InlineData("클라우드 서비스에 생성형 AI 도입", ThemeIds.Cloud)]
    [InlineData("Italia prohíbe ChatGPT por la privacidad", ThemeIds.RegulationEthics)]
    [InlineData("La sécurité des modèles de langage", ThemeIds.Security)]
    [InlineData("Génération de vidéo par IA : Sora impressionne", ThemeIds.AiVideo)]
    [InlineData("Ein Modell mit offenen Gewichten, quelloffen und lokal", ThemeIds.OpenSourceLlmOs)]
    public void Keywords_in_other_languages_mark_their_theme(string text, string theme)
    {
        // Unsplit, a run of Chinese or Japanese characters is one token, so only split text can hold those keywords.
        bool[] modes = text.Any(CjkScript.IsCjk) ? [true] : [true, false];
        foreach (bool split in modes)
        {
            int mask = ThemeLexicon.Match(ThemeTextNormalizer.Normalize(text, split), split);
            Assert.True((mask & (1 << ThemeIds.IndexOf(theme))) != 0, $"{theme} not marked in '{text}' (split {split})");
        }
    }

    [Theory]
    [InlineData("Regulation, cloud security and open source models: the AI week")]
    [InlineData("La empresarial leyenda of the seguridadx gang")] // only whole tokens match: no empresa, ley or seguridad
    [InlineData("")]
    public void English_keywords_and_parts_of_words_are_not_marked(string text)
    {
        Assert.Equal(0, ThemeLexicon.Match(ThemeTextNormalizer.Normalize(text, true), true));
    }

    [Fact]
    public void Annotate_appends_one_marker_per_theme_in_theme_order()
    {
        string normalized = ThemeTextNormalizer.Normalize("セキュリティとプライバシー、セキュリティ", true);

        string annotated = ThemeLexicon.Annotate(normalized, true);

        Assert.Equal($"{normalized} kw_{ThemeIds.RegulationEthics} kw_{ThemeIds.Security}", annotated);
        Assert.True(ThemeLexicon.IsMarker($"kw_{ThemeIds.Security}"));
        Assert.False(ThemeLexicon.IsMarker("kw_weather"));
    }

    [Fact]
    public void Keywords_are_returned_as_written_in_the_lists_longest_and_shorter_alike()
    {
        var hits = ThemeLexicon.Keywords(ThemeTextNormalizer.Normalize("個人情報保護のために情報漏洩を防ぐ", true), true);

        Assert.Contains(hits, h => h.Keyword == "個人情報保護" && h.Themes == 1 << ThemeIds.IndexOf(ThemeIds.RegulationEthics));
        Assert.Contains(hits, h => h.Keyword == "個人情報");
        Assert.Contains(hits, h => h.Keyword == "情報漏洩" && h.Themes == 1 << ThemeIds.IndexOf(ThemeIds.Security));
        Assert.Contains(hits, h => h.Keyword == "漏洩");
    }

    [Fact]
    public void The_fingerprint_names_the_lexicon_version_and_a_hash_of_the_lists()
    {
        Assert.Matches(@"^ThemeLexicon/2:[0-9a-f]{16}$", ThemeLexicon.Fingerprint);
    }
}

[Collection(ShippedModelsCollection.Name)]
public sealed class ThemeLexiconModelTests(ShippedModels models) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "genaitrends-lexicon-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void The_shipped_model_records_the_lexicon_it_was_trained_with()
    {
        Assert.True(models.Themes.Manifest.Featurizer.LexiconTokens);
        Assert.Equal(ThemeLexicon.Fingerprint, models.Themes.Manifest.Featurizer.Lexicon);
    }

    [Fact]
    public void A_model_trained_with_other_keyword_lists_is_refused_with_the_way_out()
    {
        models.Themes.Save(_dir);
        var path = Path.Combine(_dir, ThemeModelManifest.ManifestFileName);
        var manifest = ThemeModelManifest.Read(path);
        (manifest with { Featurizer = manifest.Featurizer with { Lexicon = "ThemeLexicon/2:0000000000000000" } }).Write(path);

        var ex = Assert.Throws<InvalidDataException>(() => ThemeModel.Load(_dir));

        Assert.Contains("ThemeLexicon/2:0000000000000000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("genaitrends train themes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Des pirates utilisent ChatGPT pour des arnaques : fuites de données et sécurité en question", ThemeIds.Security)]
    [InlineData("サムスンの社員がChatGPTに機密のソースコードを入力し、情報漏洩が発生した", ThemeIds.Security)]
    [InlineData("El Garante italiano prohíbe ChatGPT por la privacidad de los datos personales", ThemeIds.RegulationEthics)]
    public void Explanations_name_the_keywords_a_marker_stands_for_never_the_marker(string text, string theme)
    {
        var prediction = models.Themes.PredictBatch([text])[0];
        Assert.Contains(theme, prediction.Themes);

        var terms = models.Themes.Explain(text, theme, top: 10).Select(t => t.Term).ToList();

        Assert.DoesNotContain(terms, t => t.Contains(ThemeLexicon.TokenPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(terms, FunctionWords.OnlyFunctionWords); // "des", "el", "de" pushed too, but explain nothing
        var keywords = ThemeLexicon.Keywords(ThemeTextNormalizer.Normalize(text, true), true).Select(k => k.Keyword);
        Assert.Contains(terms, keywords.Contains);
    }
}
