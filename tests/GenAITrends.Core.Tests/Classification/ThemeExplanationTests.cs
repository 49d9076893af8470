using System.Text.RegularExpressions;
using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Tests.Classification;

[Collection(ShippedModelsCollection.Name)]
public sealed partial class ThemeExplanationTests(ShippedModels models)
{
    [GeneratedRegex(@"^[\p{L}\p{N}#]+( [\p{L}\p{N}#]+)*$")]
    private static partial Regex ReadableTerm();

    [Fact]
    public void Explanations_of_assigned_themes_are_a_few_readable_terms_taken_from_the_post()
    {
        var predictions = models.Themes.PredictBatch(ThemeCase.Texts);
        int explained = 0;
        for (int i = 0; i < ThemeCase.All.Count; i++)
        {
            var text = ThemeCase.All[i].Text;
            string prepared = ThemeFeaturizer.Prepare(text, models.Themes.Manifest.Featurizer);
            var words = prepared.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            string joined = prepared.Replace(" ", string.Empty, StringComparison.Ordinal);
            foreach (var theme in predictions[i].Themes)
            {
                var terms = models.Themes.Explain(text, theme, top: 5);
                Assert.InRange(terms.Count, 1, 5);
                Assert.All(terms, term =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(term.Term));
                    Assert.Matches(ReadableTerm(), term.Term);
                    Assert.Contains(term.Term, c => char.IsLetter(c));
                    // A word n-gram of the post, or joined CJK characters ("禁止") found in it.
                    Assert.True(term.Term.Split(' ').All(words.Contains) || (term.Term.Any(CjkScript.IsCjk) && joined.Contains(term.Term, StringComparison.Ordinal)), $"{term.Term} is not taken from: {text}");
                    Assert.True(term.Contribution > 0, $"{term.Term} contributes {term.Contribution}");
                });
                Assert.Equal(terms.OrderByDescending(t => t.Contribution).Select(t => t.Term), terms.Select(t => t.Term));
                explained++;
            }
        }

        Assert.True(explained >= 20, $"only {explained} assigned themes explained");
    }

    [Theory]
    [InlineData("Meta just released Llama 3 open weights, running the 8B locally on my laptop", ThemeIds.OpenSourceLlmOs, "llama")]
    [InlineData("Hackers are using ChatGPT to write phishing emails and malware", ThemeIds.Security, "phishing")]
    [InlineData("OpenAI's Sora turns a text prompt into a one-minute photorealistic VIDEO", ThemeIds.AiVideo, "video")]
    public void The_theme_defining_word_is_among_the_top_terms(string text, string theme, string expected)
    {
        var terms = models.Themes.Explain(text, theme, top: 5).Select(t => t.Term).ToList();
        Assert.Contains(expected, terms);
    }

    [Theory]
    [InlineData("イタリア政府がChatGPTの使用を禁止した", ThemeIds.RegulationEthics, "禁止")]
    [InlineData("サムスンの社員がChatGPTに機密のソースコードを入力し、情報漏洩が発生した", ThemeIds.Security, "情報漏洩")]
    [InlineData("イタリアがChatGPTを禁止、個人情報保護の観点から", ThemeIds.RegulationEthics, "個人情報保護")]
    public void Japanese_explanations_join_characters_into_words(string text, string theme, string expected)
    {
        var terms = models.Themes.Explain(text, theme, top: 5).Select(t => t.Term).ToList();
        Assert.Contains(expected, terms);
        Assert.DoesNotContain(terms, t => t.Length == 3 && t[1] == ' ' && CjkScript.IsCjk(t[0]));
        Assert.DoesNotContain(terms, t => CjkScript.IsHiragana(t[0]) || CjkScript.IsHiragana(t[^1])); // no particles at the ends
    }

    [Fact]
    public void Top_limits_the_number_of_terms_and_unknown_themes_are_rejected()
    {
        const string text = "Azure OpenAI Service now offers GPT-4 to enterprise customers in more cloud regions";
        Assert.Single(models.Themes.Explain(text, ThemeIds.Cloud, top: 1));
        Assert.Equal(3, models.Themes.Explain(text, ThemeIds.Cloud, top: 3).Count);
        Assert.Throws<ArgumentException>(() => models.Themes.Explain(text, "weather", top: 3));
    }
}
