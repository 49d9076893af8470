using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GenAITrends.Core.Sentiment;

/// <summary>
/// A plain-C# replica of the fitted sentiment pipeline for the configuration the shipped model uses: hashed word
/// n-grams (<c>ProduceHashedWordBags</c>: space-split tokens, MurmurHash3 into 30 bits, n-grams 1..N hashed into
/// 2^b slots), one block of hashed char n-grams of a single length over the text with start/end markers
/// (<c>TokenizeIntoCharactersAsKeys</c> + <c>ProduceHashedNgrams</c>), each block L2-normalised, the 13 numeric cues,
/// and the linear maximum-entropy weights read from the ML.NET model (softmax over the class scores).
/// <see cref="SentimentModel"/> checks it against the ML.NET pipeline on probe texts at load time and keeps ML.NET
/// whenever they disagree; with it, prediction creates no ML.NET data view, cursor or dynamic method.
/// </summary>
internal sealed partial class CompiledSentimentScorer
{
    private const uint DefaultSeed = 314489979;
    private const uint WordKeyMask = (1u << 30) - 1;
    private const uint StartMarkerKey = '\u0002';
    private const uint EndMarkerKey = '\u0003';

    private readonly int _wordNgrams, _wordBits, _charLength, _charBits, _classes;
    private readonly uint _wordMask, _charMask;
    private readonly int _charOffset, _lexiconOffset;
    /// <summary>Weights interleaved by slot: <c>_weights[slot * classes + k]</c>.</summary>
    private readonly float[] _weights;
    private readonly float[] _biases;
    /// <summary>Word keys of tokens with non-ASCII characters, taken from ML.NET's own hashing (its UTF-8 packing of
    /// multi-byte characters is not the plain byte stream), filled a batch at a time by <see cref="Prepare"/>.</summary>
    private readonly ConcurrentDictionary<string, uint> _nonAsciiKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> _nonAsciiLookup;
    private readonly Func<IReadOnlyList<string>, uint[]> _hashWithMlNet;
    private const int NonAsciiCacheLimit = 200_000;

    private CompiledSentimentScorer(int wordNgrams, int wordBits, int charLength, int charBits, float[] weights, float[] biases, int classes,
        Func<IReadOnlyList<string>, uint[]> hashWithMlNet)
    {
        _wordNgrams = wordNgrams;
        _wordBits = wordBits;
        _charLength = charLength;
        _charBits = charBits;
        _wordMask = (1u << wordBits) - 1;
        _charMask = (1u << charBits) - 1;
        _charOffset = 1 << wordBits;
        _lexiconOffset = _charOffset + (1 << charBits);
        _weights = weights;
        _biases = biases;
        _classes = classes;
        _hashWithMlNet = hashWithMlNet;
        _nonAsciiLookup = _nonAsciiKeys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Resolves, in one ML.NET call, the word keys of the non-ASCII tokens of these normalised texts that are not cached yet.</summary>
    public void Prepare(IReadOnlyList<string> normalizedTexts)
    {
        List<string>? missing = null;
        HashSet<string>? seen = null;
        foreach (var text in normalizedTexts)
        {
            if (System.Text.Ascii.IsValid(text)) continue;
            foreach (var range in text.AsSpan().Split(' '))
            {
                var token = text.AsSpan(range);
                if (token.IsEmpty || System.Text.Ascii.IsValid(token) || _nonAsciiLookup.ContainsKey(token)) continue;
                seen ??= new HashSet<string>(StringComparer.Ordinal);
                var str = token.ToString();
                if (seen.Add(str)) (missing ??= []).Add(str);
            }
        }
        if (missing is not null) Resolve(missing);
    }

    private uint[] Resolve(List<string> tokens)
    {
        var keys = _hashWithMlNet(tokens);
        if (_nonAsciiKeys.Count + tokens.Count > NonAsciiCacheLimit) _nonAsciiKeys.Clear();
        for (int i = 0; i < tokens.Count; i++) _nonAsciiKeys[tokens[i]] = keys[i];
        return keys;
    }

    private uint WordKey(ReadOnlySpan<char> token, Scratch s)
    {
        if (System.Text.Ascii.IsValid(token)) return (HashAscii(token, s) & WordKeyMask) + 1;
        if (_nonAsciiLookup.TryGetValue(token, out uint key)) return key;
        // Not prepared (or the cache was just cleared by another thread): one ML.NET call for this token.
        return Resolve([token.ToString()])[0];
    }

    [GeneratedRegex(@"\b(?<name>\w+) = (?<value>[^,}]*?)(?=,| })")]
    private static partial Regex OptionPattern();

    /// <summary>Builds the replica from the trainer description and the model's weights, or returns null with a reason.
    /// <paramref name="hashWithMlNet"/> gives ML.NET's word keys (30-bit hash + 1, seed 314489979) of tokens.</summary>
    public static CompiledSentimentScorer? TryCreate(ITransformer transformer, SentimentModelMetadata metadata,
        Func<IReadOnlyList<string>, uint[]> hashWithMlNet, out string reason)
    {
        var options = OptionPattern().Matches(metadata.TrainerDescription)
            .GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => g.Last().Groups["value"].Value.Trim(), StringComparer.Ordinal);
        string Get(string name) => options.TryGetValue(name, out var v) ? v : string.Empty;

        if (!int.TryParse(Get("WordNgramLength"), out int wordNgrams) || wordNgrams is < 1 or > 8
            || !int.TryParse(Get("WordHashBits"), out int wordBits) || wordBits is < 1 or > 30
            || !int.TryParse(Get("CharNgramMin"), out int charMin) || !int.TryParse(Get("CharNgramMax"), out int charMax)
            || charMin != charMax || charMax is < 1 or > 8 || !string.Equals(Get("CharAllLengths"), "False", StringComparison.Ordinal)
            || !int.TryParse(Get("CharHashBits"), out int charBits) || charBits is < 1 or > 30
            || !string.Equals(Get("UseLexiconFeatures"), "True", StringComparison.Ordinal))
        {
            reason = $"trainer configuration not supported by the compiled scorer ({metadata.TrainerDescription})";
            return null;
        }

        var last = transformer is TransformerChain<ITransformer> chain ? chain.LastTransformer : transformer;
        if (last is not IPredictionTransformer<object> { Model: LinearMulticlassModelParametersBase linear } || linear is not MaximumEntropyModelParameters)
        {
            reason = $"the last transformer ({last.GetType().Name}) is not a linear maximum-entropy model";
            return null;
        }

        VBuffer<float>[] rows = [];
        linear.GetWeights(ref rows, out int classes);
        var biases = linear.GetBiases().ToArray();
        int slots = (1 << wordBits) + (1 << charBits) + SentimentTextNormalizer.FeatureCount;
        if (classes != SentimentLabels.Count || biases.Length != classes || rows.Length != classes || rows.Any(r => r.Length != slots))
        {
            reason = $"model shape ({classes} classes, {rows.FirstOrDefault().Length} features) does not match the configuration ({slots} features)";
            return null;
        }

        var weights = new float[slots * classes];
        for (int k = 0; k < classes; k++)
        {
            var indices = rows[k].GetIndices();
            var values = rows[k].GetValues();
            if (rows[k].IsDense)
                for (int i = 0; i < values.Length; i++) weights[i * classes + k] = values[i];
            else
                for (int i = 0; i < values.Length; i++) weights[indices[i] * classes + k] = values[i];
        }

        reason = string.Empty;
        return new CompiledSentimentScorer(wordNgrams, wordBits, charMax, charBits, weights, biases, classes, hashWithMlNet);
    }

    /// <summary>Per-thread buffers.</summary>
    private sealed class Scratch
    {
        public uint[] Keys = new uint[256];
        public int[] Slots = new int[1024];
        public byte[] Bytes = new byte[256];
    }

    [ThreadStatic] private static Scratch? t_scratch;

    /// <summary>Raw model probabilities (softmax of the class scores, in the model's slot order) of one normalised
    /// text and its (already scaled) numeric cues.</summary>
    public void Score(string normalized, ReadOnlySpan<float> lexicon, Span<float> output)
    {
        var s = t_scratch ??= new Scratch();
        Span<double> scores = stackalloc double[_classes];
        for (int k = 0; k < _classes; k++) scores[k] = _biases[k];

        // Word block: tokens split on single spaces, empty tokens dropped.
        int tokens = 0;
        var text = normalized.AsSpan();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ' ') continue;
            if (i > start)
            {
                if (tokens == s.Keys.Length) Array.Resize(ref s.Keys, tokens * 2);
                s.Keys[tokens++] = WordKey(text[start..i], s);
            }
            start = i + 1;
        }
        int count = 0;
        EnsureSlots(s, tokens * _wordNgrams);
        for (int i = 0; i < tokens; i++)
        {
            s.Slots[count++] = (int)(MixHash(s.Keys[i]) & _wordMask);
            for (int n = 2; n <= _wordNgrams && i + n <= tokens; n++)
                s.Slots[count++] = (int)(MixHash(HashSequence(s.Keys.AsSpan(i, n))) & _wordMask);
        }
        AddBlock(s.Slots.AsSpan(0, count), 0, scores);

        // Char block: the char codes, framed by the start and end markers.
        int keys = text.Length + 2;
        if (s.Keys.Length < keys) s.Keys = new uint[Math.Max(keys, s.Keys.Length * 2)];
        s.Keys[0] = StartMarkerKey;
        for (int i = 0; i < text.Length; i++) s.Keys[i + 1] = text[i];
        s.Keys[keys - 1] = EndMarkerKey;
        count = 0;
        EnsureSlots(s, keys);
        for (int i = 0; i + _charLength <= keys; i++)
            s.Slots[count++] = (int)(MixHash(HashSequence(s.Keys.AsSpan(i, _charLength))) & _charMask);
        AddBlock(s.Slots.AsSpan(0, count), _charOffset, scores);

        for (int j = 0; j < lexicon.Length; j++)
        {
            if (lexicon[j] == 0) continue;
            int at = (_lexiconOffset + j) * _classes;
            for (int k = 0; k < _classes; k++) scores[k] += lexicon[j] * _weights[at + k];
        }

        // Softmax (as ML.NET's maximum-entropy calibration: subtract the maximum first).
        double max = double.NegativeInfinity;
        for (int k = 0; k < _classes; k++) max = Math.Max(max, scores[k]);
        double sum = 0;
        for (int k = 0; k < _classes; k++) sum += scores[k] = Math.Exp(scores[k] - max);
        for (int k = 0; k < _classes; k++) output[k] = (float)(scores[k] / sum);
    }

    private static void EnsureSlots(Scratch s, int needed)
    {
        if (s.Slots.Length < needed) s.Slots = new int[Math.Max(needed, s.Slots.Length * 2)];
    }

    /// <summary>Counts the slots (a bag of n-grams), L2-normalises the counts and adds them to the class scores.</summary>
    private void AddBlock(Span<int> slots, int offset, Span<double> scores)
    {
        if (slots.Length == 0) return;
        slots.Sort();
        double squares = 0;
        for (int i = 0; i < slots.Length;)
        {
            int j = i + 1;
            while (j < slots.Length && slots[j] == slots[i]) j++;
            double c = j - i;
            squares += c * c;
            i = j;
        }
        float norm = (float)Math.Sqrt(squares);
        for (int i = 0; i < slots.Length;)
        {
            int j = i + 1;
            while (j < slots.Length && slots[j] == slots[i]) j++;
            float value = (j - i) / norm;
            int at = (offset + slots[i]) * _classes;
            for (int k = 0; k < _classes; k++) scores[k] += value * _weights[at + k];
            i = j;
        }
    }

    /// <summary>MurmurHash3 (x86, 32 bits) of an ASCII token's bytes, as ML.NET's text hashing.</summary>
    private static uint HashAscii(ReadOnlySpan<char> token, Scratch s)
    {
        int len = token.Length;
        if (s.Bytes.Length < len) s.Bytes = new byte[Math.Max(len, s.Bytes.Length * 2)];
        for (int i = 0; i < len; i++) s.Bytes[i] = (byte)token[i];

        uint hash = DefaultSeed;
        var bytes = s.Bytes.AsSpan(0, len);
        int whole = len & ~3;
        for (int i = 0; i < whole; i += 4)
            hash = MurmurRound(hash, MemoryMarshal.Read<uint>(bytes[i..]));
        if (whole < len)
        {
            uint tail = 0;
            for (int i = len - 1; i >= whole; i--) tail = (tail << 8) | bytes[i];
            tail *= 0xCC9E2D51;
            tail = BitOperations.RotateLeft(tail, 15);
            tail *= 0x1B873593;
            hash ^= tail;
        }
        hash ^= (uint)len;
        return MixHash(hash);
    }

    private static uint HashSequence(ReadOnlySpan<uint> values)
    {
        uint hash = DefaultSeed;
        foreach (uint v in values) hash = MurmurRound(hash, v);
        hash = MurmurRound(hash, (uint)values.Length);
        return MixHash(hash);
    }

    private static uint MurmurRound(uint hash, uint chunk)
    {
        chunk *= 0xCC9E2D51;
        chunk = BitOperations.RotateLeft(chunk, 15);
        chunk *= 0x1B873593;
        hash ^= chunk;
        hash = BitOperations.RotateLeft(hash, 13);
        return hash * 5 + 0xE6546B64;
    }

    private static uint MixHash(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return hash;
    }
}
