using System.Text;
using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Tests.Classification;

public sealed class TextFoldingTests
{
    // Characters NFKC treats in every way: kept, replaced alone (full-width, "…", ligatures, circled digits,
    // half-width katakana), or changed with a neighbour (combining accents, voiced-sound marks, conjoining jamo),
    // and supplementary characters (emoji kept, mathematical bold folded).
    private static readonly string[] Pieces =
    [
        "a", "Z", " ", "7", "é", "É", "ß", "İ", "Σ", "ς", "Ж", "ñ", "日本語", "かな", "カタカナ", "ー", "、", "。", "「", "」", "！", "？",
        "（", "）", "ＡＩ", "１２３", "\u3000", "…", "\u00A0", "ﬁ", "①", "²", "™", "㍻", "ｶ", "ﾞ", "ﾟ", "ﾊ", "\u0301", "\u0308", "\u3099",
        "\u309A", "か", "は", "한국어", "\u1100", "\u1161", "\u11A8", "가", "😀", "🚀", "👍🏽", "𝐛𝐨𝐥𝐝", "\uFE0F", "\u200D", "ℌ", "Å", "K",
        "ا", "\u0653", "\u0654", "أ", "ü", "\u0323", "Ω", "ǅ", "ſ", "µ", "ﾀ", "ｯ", "ｰ", "\uFE0E", "\u20E3", "1\uFE0F\u20E3", "🇯🇵", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "\u0E48", "ก", "\u0E31", "\uFFFE", "\uFFFF", "\uD800", "\uDC00",
    ];

    [Fact]
    public void Nfkc_equals_the_framework_on_every_bmp_character()
    {
        for (int c = 0; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            string one = ((char)c).ToString();
            Assert.True(Framework(one) == Folded(one), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Nfkc_equals_the_framework_on_mixed_strings()
    {
        var random = new Random(7);
        for (int n = 0; n < 20_000; n++)
        {
            var sb = new StringBuilder();
            int parts = random.Next(1, 12);
            for (int k = 0; k < parts; k++) sb.Append(Pieces[random.Next(Pieces.Length)]);
            string s = sb.ToString();
            Assert.True(Framework(s) == Folded(s), $"'{s}'");
        }
    }

    // Where the framework throws (U+FFFE, lone surrogates), TextFolding reads those characters as U+FFFD.
    private static string Framework(string s) => Try(() => s.Normalize(NormalizationForm.FormKC), () => Replaced(s).Normalize(NormalizationForm.FormKC));

    private static string Replaced(string s)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            bool pair = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            if (pair) { sb.Append(s, i, 2); i++; }
            else sb.Append(s[i] == '\uFFFE' || char.IsSurrogate(s[i]) ? '\uFFFD' : s[i]);
        }

        return sb.ToString();
    }

    private static string Folded(string s) => TextFolding.Nfkc(s);

    private static string Try(Func<string> f, Func<string> otherwise)
    {
        try { return f(); }
        catch (ArgumentException) { return otherwise(); }
    }

    [Fact]
    public void Text_nfkc_cannot_change_is_returned_as_it_is()
    {
        const string text = "日本語のテキスト、and English 🚀 café";
        Assert.Same(text, TextFolding.Nfkc(text));
        Assert.Equal("ChatGPT!(AI)...", TextFolding.Nfkc("ＣｈａｔＧＰＴ！（ＡＩ）…"));
    }

    [Fact]
    public void Characters_icu_refuses_become_the_replacement_character()
    {
        Assert.Equal("a\uFFFDb\uFFFDc😀", TextFolding.Nfkc("a\uFFFEb\uD800c😀"));
        Assert.Equal("ｶ\uFFFDﾞ".Normalize(NormalizationForm.FormKC), TextFolding.Nfkc("ｶ\uDC00ﾞ"));
    }

    [Fact]
    public void Lower_case_equals_the_framework_on_every_bmp_character()
    {
        for (int c = 0; c < 0x10000; c++)
        {
            Assert.True(char.ToLowerInvariant((char)c) == TextFolding.ToLowerInvariant((char)c), $"U+{c:X4}");
        }
    }
}
