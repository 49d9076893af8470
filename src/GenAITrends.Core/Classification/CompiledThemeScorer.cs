using System.Runtime.InteropServices;

namespace GenAITrends.Core.Classification;

/// <summary>
/// Featurise-and-score in one pass for the five theme heads (see <see cref="CompiledThemeFeaturizer.BuildScorer"/>).
/// Gives the raw linear scores the ML.NET heads give on the ML.NET features, up to float rounding.
/// </summary>
internal sealed class CompiledThemeScorer
{
    public const int Heads = 5;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _unigrams;
    private readonly Dictionary<long, int> _bigrams;
    private readonly SlotInfo[] _wordInfo;
    private readonly CharTable[] _charTables;
    private readonly bool _l2;
    private readonly float[] _biases;

    internal CompiledThemeScorer(
        Dictionary<string, int> unigrams, Dictionary<long, int> bigrams, SlotInfo[] wordInfo, CharTable[] charTables, bool l2, float[] biases)
    {
        _unigrams = unigrams.GetAlternateLookup<ReadOnlySpan<char>>();
        _bigrams = bigrams;
        _wordInfo = wordInfo;
        _charTables = charTables;
        _l2 = l2;
        _biases = biases;
    }

    /// <summary>What a post needs to know about one n-gram: its slot, block, IDF and the five head weights.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct SlotInfo
    {
        public int Slot;
        public int Block;
        public float Idf;
        public float W0;
        public float W1;
        public float W2;
        public float W3;
        public float W4;
    }

    internal sealed record CharTable(int Length, ulong[] Keys, SlotInfo[] Infos);

    internal static int Hash(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40);

    /// <summary>Per-thread buffers: a small open-addressing map slot → (count, IDF, block) for the L2 norms.</summary>
    public sealed class Scratch
    {
        internal int[] Slots = new int[1024];
        internal int[] Counts = new int[1024];
        internal float[] Idfs = new float[1024];
        internal int[] Blocks = new int[1024];
        internal readonly List<int> Used = new(256);

        internal void Ensure(int distinctUpperBound)
        {
            int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1024, distinctUpperBound * 2));
            if (size > Slots.Length)
            {
                Slots = new int[size];
                Counts = new int[size];
                Idfs = new float[size];
                Blocks = new int[size];
            }
        }
    }

    /// <summary>Writes the five raw scores (bias included) of one normalised text into <paramref name="scores"/>.</summary>
    public void Score(string normalized, Scratch scratch, Span<float> scores)
    {
        var span = normalized.AsSpan();
        int blocks = 1 + _charTables.Length;
        Span<double> dots = stackalloc double[blocks * Heads];
        dots.Clear();
        scratch.Ensure(span.Length * (1 + _charTables.Length) + 8);
        int mask = scratch.Slots.Length - 1;

        var words = new WordSink(_wordInfo, dots, scratch, mask);
        CompiledThemeText.WalkWordGrams(span, _unigrams, _bigrams, ref words);

        // Char n-grams over STX + text + ETX.
        foreach (var table in _charTables)
        {
            int n = table.Length;
            int total = span.Length + 2;
            ulong keyMask = n == 4 ? ulong.MaxValue : (1UL << (16 * n)) - 1;
            var keys = table.Keys;
            int tableMask = keys.Length - 1;
            ulong key = 0;
            for (int p = 0; p < total; p++)
            {
                char c = p == 0 ? CompiledThemeText.StartMarker : p == total - 1 ? CompiledThemeText.EndMarker : span[p - 1];
                key = ((key << 16) | c) & keyMask;
                if (p < n - 1)
                {
                    continue;
                }

                int at = Hash(key) & tableMask;
                while (true)
                {
                    ulong k = keys[at];
                    if (k == key)
                    {
                        Accumulate(in table.Infos[at], dots, scratch, mask);
                        break;
                    }

                    if (k == 0)
                    {
                        break;
                    }

                    at = (at + 1) & tableMask;
                }
            }
        }

        // Per-block norms from the distinct slots' counts; then score = bias + Σ_block dot_block / ‖block‖.
        Span<double> sumSquares = stackalloc double[blocks];
        sumSquares.Clear();
        foreach (int at in CollectionsMarshal.AsSpan(scratch.Used))
        {
            float v = (float)(scratch.Counts[at] * (double)scratch.Idfs[at]);
            sumSquares[scratch.Blocks[at]] += (double)v * v;
            scratch.Slots[at] = 0;
            scratch.Counts[at] = 0;
        }

        scratch.Used.Clear();
        for (int t = 0; t < Heads; t++)
        {
            double score = _biases[t];
            for (int b = 0; b < blocks; b++)
            {
                double d = dots[(b * Heads) + t];
                if (d != 0)
                {
                    score += _l2 ? d / Math.Sqrt(sumSquares[b]) : d;
                }
            }

            scores[t] = (float)score;
        }
    }

    private ref struct WordSink(SlotInfo[] wordInfo, Span<double> dots, Scratch scratch, int mask) : CompiledThemeText.IWordGramSink
    {
        private readonly Span<double> _dots = dots;

        public readonly void Add(int slot) => Accumulate(in wordInfo[slot], _dots, scratch, mask);
    }

    private static void Accumulate(in SlotInfo info, Span<double> dots, Scratch scratch, int mask)
    {
        float v = info.Idf;
        int o = info.Block * Heads;
        dots[o] += info.W0 * v;
        dots[o + 1] += info.W1 * v;
        dots[o + 2] += info.W2 * v;
        dots[o + 3] += info.W3 * v;
        dots[o + 4] += info.W4 * v;

        // Count the slot in the small local map (slot + 1 so that 0 means empty).
        int key = info.Slot + 1;
        int at = (int)((uint)(key * -1640531535) >> 16) & mask;
        while (true)
        {
            int k = scratch.Slots[at];
            if (k == key)
            {
                scratch.Counts[at]++;
                return;
            }

            if (k == 0)
            {
                scratch.Slots[at] = key;
                scratch.Counts[at] = 1;
                scratch.Idfs[at] = info.Idf;
                scratch.Blocks[at] = info.Block;
                scratch.Used.Add(at);
                return;
            }

            at = (at + 1) & mask;
        }
    }
}
