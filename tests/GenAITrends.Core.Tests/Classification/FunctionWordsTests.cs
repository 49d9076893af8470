using GenAITrends.Core.Analytics;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Reports;

namespace GenAITrends.Core.Tests.Classification;

public sealed class FunctionWordsTests
{
    private const string French = "Testé ChatGPT pour générer un mail de phishing pour une formation : les garde-fous des entreprises, c'est du papier qu'il faut";

    [Fact]
    public void Term_lists_of_the_dashboard_and_the_pdf_leave_out_function_words_of_european_languages()
    {
        foreach (var terms in new[] { RisingTerms.Tokens(TextNormalizer.ForMatching(French)).ToList(), TermCounter.Tokens(French).ToList() })
        {
            Assert.Contains("phishing", terms);
            Assert.Contains("entreprises", terms);
            Assert.DoesNotContain("pour", terms);
            Assert.DoesNotContain("une", terms);
            Assert.DoesNotContain("les", terms);
            Assert.DoesNotContain("des", terms);
            Assert.DoesNotContain("c'est", terms);
            Assert.DoesNotContain("qu'il", terms);
        }
    }

    [Fact]
    public void Both_term_lists_leave_out_the_same_common_words()
    {
        // "inside" was left out only by the dashboard's list and "week" only by the PDF's, until they shared one.
        const string Text = "inside the week of agents everywhere";
        foreach (var terms in new[] { RisingTerms.Tokens(TextNormalizer.ForMatching(Text)).ToList(), TermCounter.Tokens(Text).ToList() })
        {
            Assert.Equal(["agents", "everywhere"], terms);
        }
    }

    [Theory]
    [InlineData("des", true)]
    [InlineData("de la", true)]
    [InlineData("the", true)]
    [InlineData("der", true)]
    [InlineData("c'est", true)]
    [InlineData("l'ia", false)]
    [InlineData("sécurité", false)]
    [InlineData("red teaming", false)]
    [InlineData("des llm", false)]
    [InlineData("war", false)] // German "was", but an English word worth keeping
    public void A_term_is_dropped_only_when_every_word_is_a_function_word(string term, bool dropped)
    {
        Assert.Equal(dropped, FunctionWords.OnlyFunctionWords(term));
    }
}
