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
            var words = ThemeTextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var theme in predictions[i].Themes)
            {
                var terms = models.Themes.Explain(text, theme, top: 5);
                Assert.InRange(terms.Count, 1, 5);
                Assert.All(terms, term =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(term.Term));
                    Assert.Matches(ReadableTerm(), term.Term);
                    Assert.Contains(term.Term, c => char.IsLetter(c));
                    Assert.All(term.Term.Split(' '), w => Assert.Contains(w, words));
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

    [Fact]
    public void Top_limits_the_number_of_terms_and_unknown_themes_are_rejected()
    {
        const string text = "Azure OpenAI Service now offers GPT-4 to enterprise customers in more cloud regions";
        Assert.Single(models.Themes.Explain(text, ThemeIds.Cloud, top: 1));
        Assert.Equal(3, models.Themes.Explain(text, ThemeIds.Cloud, top: 3).Count);
        Assert.Throws<ArgumentException>(() => models.Themes.Explain(text, "weather", top: 3));
    }
}
