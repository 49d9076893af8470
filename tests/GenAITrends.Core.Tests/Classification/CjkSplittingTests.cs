using GenAITrends.Core.Analytics;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Reports;
using GenAITrends.Core.Sentiment;

namespace GenAITrends.Core.Tests.Classification;

/// <summary>Japanese and Chinese put no spaces between words; with SplitCjk each character is a token, so bigrams are character bigrams.</summary>
public sealed class CjkSplittingTests
{
    [Fact]
    public void Theme_normaliser_splits_kanji_and_kana_and_keeps_latin_words_whole()
    {
        Assert.Equal("chatgpt の 規 制 が 必 要 <url>", ThemeTextNormalizer.Normalize("ChatGPTの規制が必要 https://t.co/x", splitCjk: true));
        Assert.Equal("イ タ リ ア で 禁 止 gpt 4", ThemeTextNormalizer.Normalize("イタリアで禁止 GPT 4", splitCjk: true));
        Assert.Equal("数 据 泄 露 samsung", ThemeTextNormalizer.Normalize("数据泄露，Samsung", splitCjk: true));
    }

    [Fact]
    public void Without_the_option_a_cjk_run_is_one_word_and_other_scripts_never_split()
    {
        Assert.Equal("chatgptの規制が必要", ThemeTextNormalizer.Normalize("ChatGPTの規制が必要"));
        Assert.Equal("챗gpt 규제 필요", ThemeTextNormalizer.Normalize("챗GPT 규제 필요", splitCjk: true));
        Assert.Equal("open source llama", ThemeTextNormalizer.Normalize("Open source Llama", splitCjk: true));
    }

    [Fact]
    public void Featuriser_prepares_text_as_its_options_say()
    {
        var split = new ThemeFeaturizerOptions { SplitCjk = true };
        Assert.Equal("規 制", ThemeFeaturizer.Prepare("規制", split));
        Assert.Equal("規制", ThemeFeaturizer.Prepare("規制", new ThemeFeaturizerOptions()));
    }

    [Fact]
    public void Sentiment_normaliser_splits_cjk_when_asked()
    {
        var options = SentimentNormalizerOptions.Default with { SplitCjk = true };
        Assert.Equal("chatgpt は 最 高 !", SentimentTextNormalizer.Normalize("ChatGPTは最高!", options).Text);
        Assert.Equal("chatgptは最高 !", SentimentTextNormalizer.Normalize("ChatGPTは最高!").Text);
    }
    [Fact]
    public void Cjk_terms_are_katakana_words_short_ideograph_runs_and_bigrams_of_long_runs()
    {
        Assert.Equal(["イタリア", "chatgpt", "禁止"], CjkScript.Terms("イタリアがchatgptを禁止"));
        Assert.Equal(["今年", "ローカル", "llm"], CjkScript.Terms("今年はローカルllmの年だった"));
        Assert.Equal(["個人情報"], CjkScript.Terms("個人情報を"));
        Assert.Equal(["数据", "据泄", "泄露", "露事", "事件", "件后"], CjkScript.Terms("数据泄露事件后"));
        Assert.Equal(["ai"], CjkScript.Terms("ai"));
        Assert.Empty(CjkScript.Terms("しました"));
        Assert.Empty(CjkScript.Terms("動く"));
    }

    [Fact]
    public void Rising_terms_and_report_terms_count_cjk_words()
    {
        const string Post = "イタリアがChatGPTを禁止、個人情報の保護を理由に #AI規制";
        var rising = RisingTerms.Tokens(TextNormalizer.ForMatching(Post)).ToList();
        Assert.Contains("禁止", rising);
        Assert.Contains("個人情報", rising);
        Assert.Contains("イタリア", rising);
        Assert.Contains("chatgpt", rising);
        Assert.Contains("#ai規制", rising);
        Assert.DoesNotContain(rising, t => t.Any(CjkScript.IsHiragana) && t[0] != '#');

        var report = TermCounter.Tokens(Post).ToList();
        Assert.Contains("禁止", report);
        Assert.Contains("chatgpt", report);
    }
}
