using System.Runtime.InteropServices;
using Microsoft.ML.Transforms.Text;

namespace GenAITrends.Core.Classification;

/// <summary>
/// A plain-C# replica of a fitted <see cref="ThemeFeaturizerKind.Ngrams"/> featuriser (space-split word 1–2-grams and one or
/// more char n-gram blocks of length ≤ 4, TF or TF-IDF, each block L2-normalised). Its dictionaries are read from the ML.NET
/// feature slot names, its IDF values from the training texts with ML.NET's formula (log(N / df)); <see cref="ThemeModel"/>
/// checks it against the ML.NET featuriser and only uses it when both give the same vectors.
/// </summary>
internal sealed class CompiledThemeFeaturizer
{

    private readonly Dictionary<string, int> _unigrams;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _unigramLookup;
    private readonly Dictionary<long, int> _bigrams;
    private readonly Block _wordBlock;
    private readonly CharBlock[] _charBlocks;
    private readonly int[] _blockOfSlot;
    private readonly bool _l2;

    private CompiledThemeFeaturizer(
        int slotCount, Dictionary<string, int> unigrams, Dictionary<long, int> bigrams, Block wordBlock, CharBlock[] charBlocks, bool l2)
    {
        SlotCount = slotCount;
        _unigrams = unigrams;
        _unigramLookup = unigrams.GetAlternateLookup<ReadOnlySpan<char>>();
        _bigrams = bigrams;
        _wordBlock = wordBlock;
        _charBlocks = charBlocks;
        _l2 = l2;
        _blockOfSlot = new int[slotCount];
        for (int b = 0; b < charBlocks.Length; b++)
        {
            Array.Fill(_blockOfSlot, b + 1, charBlocks[b].Start, charBlocks[b].Count);
        }
    }

    public int SlotCount { get; }

    /// <summary>Per-slot IDF (null = TF weighting).</summary>
    public float[]? Idf { get; private set; }

    private readonly record struct Block(int Start, int Count);

    private sealed record CharBlock(int Start, int Count, int Length, Dictionary<ulong, int> Grams);

    /// <summary>Builds the replica from ML.NET slot names, or returns null (with a reason) when the featuriser is not one it can reproduce.</summary>
    public static CompiledThemeFeaturizer? TryCreate(IReadOnlyList<string> slotNames, ThemeFeaturizerOptions options, out string reason)
    {
        if (options.Kind != ThemeFeaturizerKind.Ngrams || options.WordNgramLength > 2 || options.CharAllLengths
            || options.CharNgramLengths.Any(n => n > 4) || options.RawWordBlock
            || options.Weighting == NgramExtractingEstimator.WeightingCriteria.Idf)
        {
            reason = $"featuriser {options} is not supported by the compiled replica";
            return null;
        }

        var unigrams = new Dictionary<string, int>(StringComparer.Ordinal);
        var pendingBigrams = new List<(string A, string B, int Slot)>();
        var charGrams = new Dictionary<string, (int Start, int End, int Length, Dictionary<ulong, int> Grams)>(StringComparer.Ordinal);
        int wordStart = -1, wordEnd = -1;
        for (int slot = 0; slot < slotNames.Count; slot++)
        {
            string name = slotNames[slot];
            int dot = name.IndexOf('.', StringComparison.Ordinal);
            string block = dot > 0 ? name[..dot] : string.Empty;
            string body = name[(dot + 1)..];
            if (block == "WordGrams")
            {
                if (wordStart < 0) wordStart = slot;
                wordEnd = slot + 1;
                int bar = body.IndexOf('|', StringComparison.Ordinal);
                if (bar < 0)
                {
                    unigrams[body] = slot;
                }
                else
                {
                    pendingBigrams.Add((body[..bar], body[(bar + 1)..], slot));
                }
            }
            else if (block.StartsWith("Char", StringComparison.Ordinal))
            {
                var pieces = body.Split('|');
                var key = 0UL;
                foreach (var piece in pieces)
                {
                    if (!TryParseCharToken(piece, out char c))
                    {
                        reason = $"unsupported char token '{piece}' in slot {slot}";
                        return null;
                    }

                    key = (key << 16) | c;
                }

                if (!charGrams.TryGetValue(block, out var info))
                {
                    info = (slot, slot, pieces.Length, new Dictionary<ulong, int>(MixingComparer.Instance));
                }

                if (pieces.Length != info.Length)
                {
                    reason = $"block {block} mixes n-gram lengths";
                    return null;
                }

                info.Grams[key] = slot;
                charGrams[block] = (info.Start, slot + 1, info.Length, info.Grams);
            }
            else
            {
                reason = $"unexpected slot name '{name}'";
                return null;
            }
        }

        var bigrams = new Dictionary<long, int>(MixingComparer.Instance);
        foreach (var (a, b, slot) in pendingBigrams)
        {
            if (!unigrams.TryGetValue(a, out int sa) || !unigrams.TryGetValue(b, out int sb))
            {
                reason = $"bigram '{a} {b}' has no unigram slots";
                return null;
            }

            bigrams[CompiledThemeText.PackBigram(sa, sb)] = slot;
        }

        var charBlocks = charGrams.Values.OrderBy(v => v.Start)
            .Select(v => new CharBlock(v.Start, v.End - v.Start, v.Length, v.Grams)).ToArray();
        if (wordStart != 0 || charBlocks.Sum(b => b.Count) + (wordEnd - wordStart) != slotNames.Count)
        {
            reason = "blocks are not contiguous";
            return null;
        }

        reason = string.Empty;
        return new CompiledThemeFeaturizer(slotNames.Count, unigrams, bigrams, new Block(wordStart, wordEnd - wordStart), charBlocks, options.L2Normalize);
    }

    public CompiledThemeFeaturizer WithIdf(float[]? idf)
    {
        if (idf is not null && idf.Length != SlotCount)
        {
            throw new ArgumentException($"IDF table has {idf.Length} entries, the featuriser {SlotCount} slots.");
        }

        Idf = idf;
        return this;
    }

    /// <summary>ML.NET's IDF: log(documents / documents containing the n-gram), per slot, over the texts the featuriser was fitted on.</summary>
    public float[] ComputeIdf(IReadOnlyList<string> normalizedTexts)
    {
        var df = new int[SlotCount];
        var scratch = new Scratch(SlotCount);
        foreach (var text in normalizedTexts)
        {
            Count(text, scratch);
            foreach (int slot in scratch.Touched)
            {
                df[slot]++;
            }

            scratch.Clear();
        }

        var idf = new float[SlotCount];
        double n = normalizedTexts.Count;
        for (int i = 0; i < idf.Length; i++)
        {
            idf[i] = df[i] == 0 ? 0f : (float)Math.Log(n / df[i]);
        }

        return idf;
    }

    /// <summary>Per-thread buffers: counts per slot and the list of slots a text touched.</summary>
    public sealed class Scratch(int slots)
    {
        public readonly int[] Counts = new int[slots];
        public readonly List<int> Touched = new(256);
        public float[] Values = new float[256];

        public void Clear()
        {
            foreach (int slot in CollectionsMarshal.AsSpan(Touched))
            {
                Counts[slot] = 0;
            }

            Touched.Clear();
        }
    }

    /// <summary>Featurises one normalised text into <paramref name="scratch"/>: slots in <c>Touched</c>, values in <c>Values</c> (same order).</summary>
    public void Featurize(string normalized, Scratch scratch)
    {
        Count(normalized, scratch);
        var touched = CollectionsMarshal.AsSpan(scratch.Touched);
        if (scratch.Values.Length < touched.Length)
        {
            scratch.Values = new float[Math.Max(touched.Length, scratch.Values.Length * 2)];
        }

        var values = scratch.Values;
        Span<double> sumSquares = stackalloc double[1 + _charBlocks.Length];
        sumSquares.Clear();
        var idf = Idf;
        for (int k = 0; k < touched.Length; k++)
        {
            int slot = touched[k];
            float v = scratch.Counts[slot];
            if (idf is not null)
            {
                v = (float)(v * (double)idf[slot]);
            }

            values[k] = v;
            sumSquares[_blockOfSlot[slot]] += (double)v * v;
        }

        if (_l2)
        {
            Span<float> scale = stackalloc float[sumSquares.Length];
            for (int b = 0; b < sumSquares.Length; b++)
            {
                scale[b] = sumSquares[b] > 0 ? (float)(1.0 / Math.Sqrt(sumSquares[b])) : 0f;
            }

            for (int k = 0; k < touched.Length; k++)
            {
                values[k] *= scale[_blockOfSlot[touched[k]]];
            }
        }

        foreach (int slot in touched)
        {
            scratch.Counts[slot] = 0;
        }
    }

    private void Count(string text, Scratch scratch)
    {
        var span = text.AsSpan();
        var words = new CountingSink(scratch);
        CompiledThemeText.WalkWordGrams(span, _unigramLookup, _bigrams, ref words);

        // Char n-grams over STX + text + ETX.
        foreach (var block in _charBlocks)
        {
            int n = block.Length;
            int total = span.Length + 2;
            if (total < n)
            {
                continue;
            }

            ulong mask = n == 4 ? ulong.MaxValue : (1UL << (16 * n)) - 1;
            ulong key = 0;
            for (int p = 0; p < total; p++)
            {
                char c = p == 0 ? CompiledThemeText.StartMarker : p == total - 1 ? CompiledThemeText.EndMarker : span[p - 1];
                key = ((key << 16) | c) & mask;
                if (p >= n - 1 && block.Grams.TryGetValue(key, out int slot))
                {
                    Add(scratch, slot);
                }
            }
        }
    }

    private static void Add(Scratch scratch, int slot)
    {
        if (scratch.Counts[slot]++ == 0)
        {
            scratch.Touched.Add(slot);
        }
    }

    private readonly struct CountingSink(Scratch scratch) : CompiledThemeText.IWordGramSink
    {
        public void Add(int slot) => CompiledThemeFeaturizer.Add(scratch, slot);
    }

    /// <summary>
    /// Builds the fused scorer: the same features, but char n-gram lookups hit one open-addressing table whose entries
    /// carry the slot's IDF and its weight for every head, and the per-block L2 norm is applied to the per-block dot
    /// products at the end (Σ w·v/‖v‖ = (Σ w·v)/‖v‖), so a post touches each n-gram's data once.
    /// </summary>
    public CompiledThemeScorer BuildScorer(IReadOnlyList<float[]> weights, IReadOnlyList<float> biases)
    {
        int heads = weights.Count;
        if (heads != CompiledThemeScorer.Heads)
        {
            throw new ArgumentException($"The fused scorer is built for {CompiledThemeScorer.Heads} heads.");
        }

        CompiledThemeScorer.SlotInfo Info(int slot, int block) => new()
        {
            Slot = slot,
            Block = block,
            Idf = Idf is null ? 1f : Idf[slot],
            W0 = weights[0][slot],
            W1 = weights[1][slot],
            W2 = weights[2][slot],
            W3 = weights[3][slot],
            W4 = weights[4][slot],
        };

        var wordInfo = new CompiledThemeScorer.SlotInfo[_wordBlock.Count];
        for (int slot = 0; slot < _wordBlock.Count; slot++)
        {
            wordInfo[slot] = Info(slot, 0);
        }

        var charTables = _charBlocks.Select((b, i) =>
        {
            int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, b.Grams.Count * 2));
            var keys = new ulong[size];
            var infos = new CompiledThemeScorer.SlotInfo[size];
            foreach (var (key, slot) in b.Grams)
            {
                int at = CompiledThemeScorer.Hash(key) & (size - 1);
                while (keys[at] != 0)
                {
                    at = (at + 1) & (size - 1);
                }

                keys[at] = key;
                infos[at] = Info(slot, i + 1);
            }

            return new CompiledThemeScorer.CharTable(b.Length, keys, infos);
        }).ToArray();

        return new CompiledThemeScorer(_unigrams, _bigrams, wordInfo, charTables, _l2, [.. biases]);
    }

    /// <summary>Fibonacci hashing: the default hash of a packed key (high ^ low 32 bits) collides badly for ASCII char grams and slot pairs.</summary>
    internal sealed class MixingComparer : IEqualityComparer<ulong>, IEqualityComparer<long>
    {
        public static readonly MixingComparer Instance = new();

        public bool Equals(ulong x, ulong y) => x == y;

        public int GetHashCode(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32);

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => GetHashCode((ulong)key);
    }

    private static bool TryParseCharToken(string piece, out char c)
    {
        if (piece.Length == 1)
        {
            c = piece[0];
            return true;
        }

        // ML.NET names control characters and space by their Unicode "control picture": <␂> = U+0002, <␠> = space.
        if (piece.Length == 3 && piece[0] == '<' && piece[2] == '>' && piece[1] >= '\u2400' && piece[1] <= '\u2421')
        {
            c = piece[1] switch
            {
                '\u2420' => ' ',
                '\u2421' => '\u007F',
                _ => (char)(piece[1] - '\u2400'),
            };
            return true;
        }

        c = '\0';
        return false;
    }

    public static bool UsesIdf(ThemeFeaturizerOptions options) =>
        options.Weighting == NgramExtractingEstimator.WeightingCriteria.TfIdf;
}
