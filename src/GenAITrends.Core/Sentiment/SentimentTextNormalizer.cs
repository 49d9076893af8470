using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;
using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Sentiment;

/// <summary>Which rewrites the normaliser applies to the text it hands to ML.NET. The numeric cue/lexicon
/// features are computed the same way whatever these say.</summary>
public sealed record SentimentNormalizerOptions
{
    /// <summary>URLs become the token URL (otherwise the lower-cased URL text is kept).</summary>
    public bool MapUrls { get; init; } = true;

    /// <summary>@mentions (including TweetEval's @user) become the token USER.</summary>
    public bool MapMentions { get; init; } = true;

    /// <summary>#GreatDay becomes "great day" (otherwise "#greatday").</summary>
    public bool SplitHashtags { get; init; } = true;

    /// <summary>soooo becomes "soo ELONG" (otherwise kept as written, lower-cased).</summary>
    public bool MarkElongation { get; init; } = true;

    /// <summary>Emoticons and emoji become EMO_POS / EMO_NEG (otherwise the raw emoticon is a token).</summary>
    public bool MapEmoticons { get; init; } = true;

    /// <summary>Tokens after not/no/never/...n't get the suffix _NEG until the next punctuation mark or "but"
    /// (and at most <see cref="NegationWindow"/> tokens when that is positive).</summary>
    public bool MarkNegation { get; init; } = true;

    /// <summary>Maximum number of tokens marked _NEG after a negator; 0 = no limit (up to punctuation).
    /// The lexicon's negated-hit counts always use the full scope.</summary>
    public int NegationWindow { get; init; }

    /// <summary>Runs of ! and ? add the cue tokens EXCL / QUES / EXQ.</summary>
    public bool MarkPunctuation { get; init; } = true;

    /// <summary>ALL-CAPS words (3+ letters) add the cue token ALLCAPS.</summary>
    public bool MarkAllCaps { get; init; } = true;

    /// <summary>Each Chinese character and Japanese kana is a word of its own (those scripts put no spaces between words),
    /// so word bigrams become character bigrams.</summary>
    public bool SplitCjk { get; init; }

    public static SentimentNormalizerOptions Default { get; } = new();

    /// <summary>Only lower-casing and tokenising: the baseline for ablations.</summary>
    public static SentimentNormalizerOptions Minimal { get; } = new()
    {
        MapUrls = false, MapMentions = false, SplitHashtags = false, MarkElongation = false,
        MapEmoticons = false, MarkNegation = false, MarkPunctuation = false, MarkAllCaps = false,
    };
}

/// <summary>Result of normalising one text: the token string for ML.NET and the numeric cue features.</summary>
public readonly record struct NormalizedText(string Text, float[] Features);

/// <summary>
/// Pure, allocation-light tweet normaliser run before ML.NET featurisation. Output is a space-separated token
/// string: words lower case, special tokens upper case (URL, USER, EMO_POS, EMO_NEG, ELONG, ALLCAPS, EXCL,
/// QUES, EXQ, and the _NEG suffix), so that ML.NET can be told not to change case.
/// It also returns <see cref="FeatureCount"/> numeric features: lexicon hits, negated hits, emoticons and
/// punctuation/caps/elongation cues, each as log(1+count), plus net polarity, last polarity and a negator flag.
/// </summary>
public static class SentimentTextNormalizer
{
    public const int FeatureCount = 13;

    /// <summary>Names of the numeric features, in vector order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "lex_pos", "lex_neg", "lex_pos_negated", "lex_neg_negated", "emo_pos", "emo_neg", "exclaim", "question",
        "allcaps", "elongated", "net_polarity", "last_polarity", "has_negator",
    ];

    [ThreadStatic] private static StringBuilder? t_builder;

    public static NormalizedText Normalize(string? text, SentimentNormalizerOptions? options = null)
    {
        var features = new float[FeatureCount];
        string normalized = Normalize(text, options ?? SentimentNormalizerOptions.Default, features);
        return new NormalizedText(normalized, features);
    }

    /// <summary>Normalises <paramref name="text"/> and writes the numeric features into <paramref name="features"/>
    /// (length <see cref="FeatureCount"/>).</summary>
    public static string Normalize(string? text, SentimentNormalizerOptions options, Span<float> features)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (features.Length < FeatureCount)
            throw new ArgumentException($"Need room for {FeatureCount} features.", nameof(features));
        features[..FeatureCount].Clear();
        if (string.IsNullOrEmpty(text)) return string.Empty;

        var sb = t_builder ??= new StringBuilder(256);
        sb.Clear();
        var state = new ScanState(options, sb);
        Scan(Prepare(text), ref state);

        Counts c = state.Counts;
        features[0] = Log(c.Pos);
        features[1] = Log(c.Neg);
        features[2] = Log(c.PosNegated);
        features[3] = Log(c.NegNegated);
        features[4] = Log(c.EmoPos);
        features[5] = Log(c.EmoNeg);
        features[6] = Log(c.Exclaim);
        features[7] = Log(c.Question);
        features[8] = Log(c.AllCaps);
        features[9] = Log(c.Elongated);
        float net = c.Pos + c.NegNegated + c.EmoPos - c.Neg - c.PosNegated - c.EmoNeg;
        features[10] = MathF.Tanh(net / 2f);
        features[11] = c.LastPolarity;
        features[12] = c.Negators > 0 ? 1f : 0f;
        return sb.ToString();
    }

    private static float Log(int count) => count == 0 ? 0f : MathF.Log(1f + count);

    /// <summary>HTML entities and typographic quotes to plain ASCII forms.</summary>
    private static string Prepare(string text)
    {
        if (text.Contains('&')) text = WebUtility.HtmlDecode(text);
        if (text.AsSpan().IndexOfAny('\u2019', '\u2018', '\u2026') >= 0)
            text = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace("\u2026", "...");
        return text;
    }

    private struct Counts
    {
        public int Pos, Neg, PosNegated, NegNegated, EmoPos, EmoNeg, Exclaim, Question, AllCaps, Elongated, Negators;
        public float LastPolarity;
    }

    private struct ScanState(SentimentNormalizerOptions options, StringBuilder sb)
    {
        public readonly SentimentNormalizerOptions Options = options;
        public readonly StringBuilder Sb = sb;
        public Counts Counts;
        public bool InNegation;
        public int NegatedTokens;

        public readonly void Emit(string token)
        {
            if (Sb.Length > 0) Sb.Append(' ');
            Sb.Append(token);
        }

        public readonly void Emit(ReadOnlySpan<char> token)
        {
            if (Sb.Length > 0) Sb.Append(' ');
            Sb.Append(token);
        }
    }

    private static void Scan(string s, ref ScanState st)
    {
        int n = s.Length;
        int i = 0;
        while (i < n)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            int urlEnd = MatchUrl(s, i);
            if (urlEnd > i)
            {
                if (st.Options.MapUrls) st.Emit("URL");
                else st.Emit(s.AsSpan(i, urlEnd - i).ToString().ToLowerInvariant());
                st.InNegation = false;
                i = urlEnd;
                continue;
            }

            bool leftBoundary = i == 0 || !char.IsLetterOrDigit(s[i - 1]);
            if (c == '@' && i + 1 < n && IsWordChar(s[i + 1]) && leftBoundary)
            {
                int j = i + 1;
                while (j < n && IsWordChar(s[j])) j++;
                if (st.Options.MapMentions) st.Emit("USER");
                else st.Emit(s.AsSpan(i, j - i).ToString().ToLowerInvariant());
                i = j;
                continue;
            }

            if (c == '#' && i + 1 < n && IsWordChar(s[i + 1]))
            {
                int j = i + 1;
                while (j < n && IsWordChar(s[j])) j++;
                EmitHashtag(s.AsSpan(i + 1, j - i - 1), ref st);
                i = j;
                continue;
            }

            if (EmoticonFirstChars.Contains(c) &&
                (i == 0 || (char.IsLetter(c) ? !char.IsLetterOrDigit(s[i - 1]) : !char.IsDigit(s[i - 1]))))
            {
                int emoEnd = MatchEmoticon(s, i, out int polarity);
                if (emoEnd > i)
                {
                    if (polarity > 0) { st.Counts.EmoPos++; st.Counts.LastPolarity = 1f; }
                    else { st.Counts.EmoNeg++; st.Counts.LastPolarity = -1f; }
                    if (st.Options.MapEmoticons) st.Emit(polarity > 0 ? "EMO_POS" : "EMO_NEG");
                    else st.Emit(s.AsSpan(i, emoEnd - i));
                    i = emoEnd;
                    continue;
                }
            }

            if (char.IsLetterOrDigit(c))
            {
                bool split = st.Options.SplitCjk;
                int j = i + 1;
                if (!(split && CjkScript.IsCjk(c)))
                {
                    while (j < n && (char.IsLetterOrDigit(s[j]) || s[j] == '_' ||
                                     (s[j] == '\'' && j + 1 < n && char.IsLetter(s[j + 1]))) && !(split && CjkScript.IsCjk(s[j])))
                        j++;
                }
                EmitWord(s.AsSpan(i, j - i), ref st, allowAllCaps: true);
                i = j;
                continue;
            }

            if (c == '!' || c == '?')
            {
                int j = i, ex = 0, q = 0;
                while (j < n && (s[j] == '!' || s[j] == '?' || s[j] == '1' && ex > 0))
                {
                    if (s[j] == '?') q++; else ex++;
                    j++;
                }
                if (q == 0)
                {
                    st.Counts.Exclaim++;
                    st.Emit(ex > 1 ? "!!" : "!");
                    if (ex > 1 && st.Options.MarkPunctuation) st.Emit("EXCL");
                }
                else if (ex == 0)
                {
                    st.Counts.Question++;
                    st.Emit(q > 1 ? "??" : "?");
                    if (q > 1 && st.Options.MarkPunctuation) st.Emit("QUES");
                }
                else
                {
                    st.Counts.Exclaim++;
                    st.Counts.Question++;
                    st.Emit("?!");
                    if (st.Options.MarkPunctuation) st.Emit("EXQ");
                }
                st.InNegation = false;
                i = j;
                continue;
            }

            if (c == '.' || c == ',' || c == ';' || c == ':')
            {
                int j = i + 1;
                while (j < n && s[j] == c) j++;
                if (c == '.' && j - i >= 2) st.Emit("...");
                st.InNegation = false;
                i = j;
                continue;
            }

            if (char.IsSurrogate(c) || c >= '\u2190')
            {
                int len = char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                int cp = len == 2 ? char.ConvertToUtf32(c, s[i + 1]) : c;
                if (EmojiPolarity.TryGetValue(cp, out int polarity))
                {
                    if (polarity > 0) { st.Counts.EmoPos++; st.Counts.LastPolarity = 1f; }
                    else { st.Counts.EmoNeg++; st.Counts.LastPolarity = -1f; }
                    st.Emit(st.Options.MapEmoticons ? (polarity > 0 ? "EMO_POS" : "EMO_NEG") : s.Substring(i, len));
                }
                else if (IsEmojiLike(cp) && !IsEmojiModifier(cp))
                {
                    st.Emit(s.AsSpan(i, len));
                }
                i += len;
                continue;
            }

            i++; // other punctuation and symbols are dropped
        }
    }

    private static void EmitHashtag(ReadOnlySpan<char> tag, ref ScanState st)
    {
        if (!st.Options.SplitHashtags)
        {
            Span<char> lower = tag.Length <= 128 ? stackalloc char[tag.Length + 1] : new char[tag.Length + 1];
            lower[0] = '#';
            tag.ToLowerInvariant(lower[1..]);
            // Lexicon features still look at the tag as one word.
            CountLexicon(lower[1..], ref st);
            st.Emit(lower);
            return;
        }

        // Split on case changes (GreatDay), letter/digit changes and underscores.
        int start = 0;
        for (int k = 1; k <= tag.Length; k++)
        {
            bool split = k == tag.Length || tag[k] == '_' || tag[k - 1] == '_' ||
                         (char.IsUpper(tag[k]) && char.IsLower(tag[k - 1])) ||
                         (char.IsUpper(tag[k]) && k + 1 < tag.Length && char.IsUpper(tag[k - 1]) && char.IsLower(tag[k + 1])) ||
                         (char.IsDigit(tag[k]) != char.IsDigit(tag[k - 1]));
            if (!split) continue;
            var part = tag[start..k];
            if (part.Length > 0 && part[0] != '_') EmitWord(part, ref st, allowAllCaps: false);
            start = k;
        }
    }

    private static void EmitWord(ReadOnlySpan<char> raw, ref ScanState st, bool allowAllCaps)
    {
        int letters = 0, upper = 0;
        foreach (char ch in raw)
        {
            if (!char.IsLetter(ch)) continue;
            letters++;
            if (char.IsUpper(ch)) upper++;
        }
        bool allCaps = allowAllCaps && letters >= 3 && upper == letters;

        Span<char> lower = raw.Length <= 128 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw.ToLowerInvariant(lower);

        // Collapse runs of 3+ identical characters to 2.
        Span<char> collapsed = raw.Length <= 128 ? stackalloc char[raw.Length] : new char[raw.Length];
        int m = 0;
        bool elongated = false;
        for (int k = 0; k < lower.Length; k++)
        {
            if (m >= 2 && lower[k] == collapsed[m - 1] && lower[k] == collapsed[m - 2] && char.IsLetter(lower[k]))
            {
                elongated = true;
                continue;
            }
            collapsed[m++] = lower[k];
        }
        var word = collapsed[..m];

        bool negator = SentimentLexicon.IsNegator(word);
        if (!negator) CountLexicon(word, ref st, elongated);

        if (allCaps) st.Counts.AllCaps++;
        if (elongated) st.Counts.Elongated++;

        var emitted = st.Options.MarkElongation ? word : lower;
        if (st.Options.MarkNegation && st.InNegation && !negator &&
            (st.Options.NegationWindow <= 0 || st.NegatedTokens++ < st.Options.NegationWindow))
        {
            if (st.Sb.Length > 0) st.Sb.Append(' ');
            st.Sb.Append(emitted).Append("_NEG");
        }
        else
        {
            st.Emit(emitted);
        }
        if (elongated && st.Options.MarkElongation) st.Emit("ELONG");
        if (allCaps && st.Options.MarkAllCaps) st.Emit("ALLCAPS");

        if (negator)
        {
            st.Counts.Negators++;
            st.InNegation = true;
            st.NegatedTokens = 0;
        }
        else if (word.SequenceEqual("but"))
        {
            st.InNegation = false;
        }
    }

    /// <summary>Looks the word up in the lexicon and updates the hit counts; returns its effective polarity.</summary>
    private static int CountLexicon(ReadOnlySpan<char> word, ref ScanState st, bool elongated = false)
    {
        int polarity = SentimentLexicon.Polarity(word);
        if (polarity == 0 && elongated)
        {
            // "loove" -> "love": also try with every doubled letter collapsed to one.
            Span<char> single = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
            int m = 0;
            for (int k = 0; k < word.Length; k++)
                if (m == 0 || word[k] != single[m - 1]) single[m++] = word[k];
            polarity = SentimentLexicon.Polarity(single[..m]);
        }
        if (polarity == 0) return 0;
        if (st.InNegation)
        {
            if (polarity > 0) st.Counts.PosNegated++; else st.Counts.NegNegated++;
            st.Counts.LastPolarity = -polarity;
            return -polarity;
        }
        if (polarity > 0) st.Counts.Pos++; else st.Counts.Neg++;
        st.Counts.LastPolarity = polarity;
        return polarity;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>End index of a URL starting at <paramref name="i"/>, or <paramref name="i"/> when there is none.</summary>
    private static int MatchUrl(string s, int i)
    {
        var rest = s.AsSpan(i);
        bool isUrl = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
                     rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
                     (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && (i == 0 || !char.IsLetterOrDigit(s[i - 1])));
        if (!isUrl) return i;
        int j = i;
        while (j < s.Length && !char.IsWhiteSpace(s[j])) j++;
        // Trailing sentence punctuation does not belong to the URL.
        while (j > i && (s[j - 1] == '.' || s[j - 1] == ',' || s[j - 1] == '!' || s[j - 1] == '?' || s[j - 1] == ')' || s[j - 1] == '"'))
            j--;
        return j;
    }

    private static int MatchEmoticon(string s, int i, out int polarity)
    {
        polarity = 0;
        if (!EmoticonsByFirstChar.TryGetValue(s[i], out var candidates)) return i;
        var rest = s.AsSpan(i);
        foreach (var (emoticon, pol) in candidates)
        {
            if (!rest.StartsWith(emoticon, StringComparison.Ordinal)) continue;
            int end = i + emoticon.Length;
            char last = emoticon[^1];
            while (end < s.Length && s[end] == last) end++;
            // An emoticon ending in a letter or digit (":D", ":3") must not run into a word.
            if (char.IsLetterOrDigit(last) && end < s.Length && char.IsLetterOrDigit(s[end])) continue;
            polarity = pol;
            return end;
        }
        return i;
    }

    /// <summary>Skin tones, variation selectors and joiners carry no sentiment of their own.</summary>
    private static bool IsEmojiModifier(int cp) =>
        cp is >= 0x1F3FB and <= 0x1F3FF or 0xFE0F or 0xFE0E or 0x200D or 0x20E3;

    private static bool IsEmojiLike(int cp) =>
        cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) ||
        CharUnicodeInfo.GetUnicodeCategory(cp) == UnicodeCategory.OtherSymbol;

    private static readonly FrozenDictionary<char, (string Emoticon, int Polarity)[]> EmoticonsByFirstChar =
        SentimentLexicon.PositiveEmoticons.Select(e => (e, 1))
            .Concat(SentimentLexicon.NegativeEmoticons.Select(e => (e, -1)))
            .GroupBy(p => p.e[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.e.Length).ToArray());

    private static readonly FrozenSet<char> EmoticonFirstChars = EmoticonsByFirstChar.Keys.ToFrozenSet();

    private static readonly FrozenDictionary<int, int> EmojiPolarity = BuildEmojiTable();

    private static FrozenDictionary<int, int> BuildEmojiTable()
    {
        var table = new Dictionary<int, int>();
        foreach (var e in SentimentLexicon.PositiveEmoji) table[char.ConvertToUtf32(e, 0)] = 1;
        foreach (var e in SentimentLexicon.NegativeEmoji) table[char.ConvertToUtf32(e, 0)] = -1;
        return table.ToFrozenDictionary();
    }
}
