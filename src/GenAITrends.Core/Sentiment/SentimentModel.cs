using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace GenAITrends.Core.Sentiment;

/// <summary>
/// Prediction for one text. <see cref="Score"/> is in [-1, 1]: P'(pos) - P'(neg) from the bias-adjusted
/// probabilities, then forced to agree with <see cref="Label"/>: positive ⇒ at least +0.01, negative ⇒ at most
/// -0.01, neutral ⇒ multiplied by 0.3 (so |score| ≤ 0.2, because a neutral winner has P'(neu) ≥ 1/3).
/// </summary>
public readonly record struct SentimentResult(string Label, float Score, float Negative, float Neutral, float Positive)
{
    public IReadOnlyList<float> Probabilities => [Negative, Neutral, Positive];
}

/// <summary>What the ML.NET zip alone does not say: how to normalise text and how to decide classes.</summary>
public sealed record SentimentModelMetadata
{
    public int FormatVersion { get; init; } = 1;
    public string[] Labels { get; init; } = [.. SentimentLabels.All];
    public SentimentNormalizerOptions Normalizer { get; init; } = SentimentNormalizerOptions.Default;
    public float LexiconScale { get; init; } = 1f;
    /// <summary>Added to log P(class) before the arg-max (negative, neutral, positive); tuned for macro recall.</summary>
    public float[] ClassLogBias { get; init; } = new float[SentimentLabels.Count];
    public string TrainerDescription { get; init; } = string.Empty;
    public int TrainingExamples { get; init; }
    public DateTime TrainedUtc { get; init; }
}

/// <summary>
/// A trained sentiment model: the C# normaliser plus an ML.NET transformer. Prediction uses the compiled replica
/// (<see cref="CompiledSentimentScorer"/>) when it agrees with ML.NET on probe texts at load, else a batch
/// <c>Transform</c> over an <see cref="IDataView"/> (split into one chunk per core). Thread-safe for prediction.
/// </summary>
public sealed class SentimentModel
{
    /// <summary>Zip entry, next to ML.NET's own entries, that holds <see cref="SentimentModelMetadata"/>.</summary>
    public const string MetadataEntryName = "GenAITrends/sentiment-metadata.json";

    private const int MinChunk = 2048;
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly SchemaDefinition _inputSchema;
    private readonly int[] _slotToClass;
    private readonly CompiledSentimentScorer? _compiled;

    internal SentimentModel(MLContext ml, ITransformer transformer, SentimentModelMetadata metadata)
        : this(ml, transformer, metadata, compiled: null, compiledStatus: null)
    {
    }

    private SentimentModel(MLContext ml, ITransformer transformer, SentimentModelMetadata metadata, CompiledSentimentScorer? compiled, string? compiledStatus)
    {
        _ml = ml;
        _transformer = transformer;
        Metadata = metadata;
        _inputSchema = SchemaDefinition.Create(typeof(InputRow));
        _inputSchema[nameof(InputRow.Lexicon)].ColumnType =
            new VectorDataViewType(NumberDataViewType.Single, SentimentTextNormalizer.FeatureCount);
        _slotToClass = ResolveSlotOrder();
        if (compiledStatus is null)
        {
            _compiled = CompileAndVerify(out compiledStatus);
        }
        else
        {
            _compiled = compiled;
        }
        CompiledStatus = compiledStatus;
    }

    public SentimentModelMetadata Metadata { get; }

    /// <summary>True when predictions come from the plain-C# replica (checked against ML.NET at load) instead of an ML.NET transform.</summary>
    public bool IsCompiled => _compiled is not null;

    /// <summary>Why the compiled replica is or is not used.</summary>
    public string CompiledStatus { get; }

    /// <summary>Probe texts for the load-time check: plain, accented, non-Latin, emoji (surrogate pairs), cues, URLs, empty.</summary>
    private static readonly string[] ProbeTexts =
    [
        "", "ok", "!!!", "I love this new model, it is amazing!!! 😍😍", "This is the worst update ever :( #fail",
        "not bad at all... but not great either", "RT @someone: https://t.co/abc #GenerativeAI is sooooo coooool",
        "Не знаю, что думать об этом", "¿Qué opinas de ChatGPT? Está muy bien 👍", "ÉNORME déception avec ce modèle 😡",
        "GPT-5 benchmark results: 92.3% on MMLU, 10x cheaper", "weird 🤖🧠✨ vibes today #AI #LLM",
        "日本語のテキストも大丈夫？", "a b c d e f g h", "WHY IS THIS SO SLOW?!?!", "thanks @openai for the free credits :)",
        "meh", "\u00e9\u00e8 mixed ß straße ﬁ ligature", "emoji only 🔥", "😂😂😂 can't stop laughing lol",
    ];

    private CompiledSentimentScorer? CompileAndVerify(out string status)
    {
        CompiledSentimentScorer? scorer;
        try
        {
            scorer = CompiledSentimentScorer.TryCreate(_transformer, Metadata, HashTokensWithMlNet, out status);
            if (scorer is null) return null;
            var expected = PredictProbabilitiesMlNet(ProbeTexts);
            var actual = PredictProbabilitiesCompiled(ProbeTexts, scorer);
            for (int i = 0; i < expected.Length; i++)
            {
                if (Math.Abs(expected[i] - actual[i]) > 1e-4f)
                {
                    status = $"compiled scorer disagrees with ML.NET on probe \"{ProbeTexts[i / SentimentLabels.Count]}\"; using ML.NET";
                    return null;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or InvalidCastException or NotSupportedException or KeyNotFoundException)
        {
            status = $"compiled scorer could not be built: {ex.Message}; using ML.NET";
            return null;
        }
        status = $"compiled scorer agrees with ML.NET on {ProbeTexts.Length} probe texts";
        return scorer;
    }

    private ITransformer? _tokenHasher;

    /// <summary>ML.NET's word keys for tokens (the hashing inside <c>ProduceHashedWordBags</c>: 30 bits, its default seed, + 1).</summary>
    private uint[] HashTokensWithMlNet(IReadOnlyList<string> tokens)
    {
        var rows = tokens.Select(t => new TokenRow { Token = t }).ToList();
        var data = _ml.Data.LoadFromEnumerable(rows);
        _tokenHasher ??= _ml.Transforms.Conversion.Hash([new HashingEstimator.ColumnOptions("Key", nameof(TokenRow.Token), numberOfBits: 30, seed: 314489979)]).Fit(data);
        var hashed = _tokenHasher.Transform(data);
        var keys = new uint[tokens.Count];
        using var cursor = hashed.GetRowCursor([hashed.Schema["Key"]]);
        var getter = cursor.GetGetter<uint>(hashed.Schema["Key"]);
        int i = 0;
        while (cursor.MoveNext()) getter(ref keys[i++]);
        return keys;
    }

    private sealed class TokenRow
    {
        public string Token { get; set; } = string.Empty;
    }

    public ITransformer Transformer => _transformer;

    /// <summary>Same model with different class biases (log space, order negative/neutral/positive).</summary>
    public SentimentModel WithClassBias(IReadOnlyList<float> logBias)
    {
        if (logBias.Count != SentimentLabels.Count) throw new ArgumentException("Need one bias per class.", nameof(logBias));
        return new SentimentModel(_ml, _transformer, Metadata with { ClassLogBias = [.. logBias] }, _compiled, CompiledStatus);
    }

    public static SentimentModel Load(string path, MLContext? mlContext = null)
    {
        var ml = mlContext ?? new MLContext();
        ITransformer transformer;
        using (var stream = File.OpenRead(path)) transformer = ml.Model.Load(stream, out _);
        SentimentModelMetadata metadata;
        using (var zip = ZipFile.OpenRead(path))
        {
            var entry = zip.GetEntry(MetadataEntryName)
                        ?? throw new InvalidDataException($"{path} has no {MetadataEntryName} entry.");
            using var s = entry.Open();
            metadata = JsonSerializer.Deserialize<SentimentModelMetadata>(s, JsonOptions)
                       ?? throw new InvalidDataException("Empty sentiment metadata.");
        }
        if (metadata.FormatVersion != 1) throw new InvalidDataException($"Unsupported format {metadata.FormatVersion}.");
        return new SentimentModel(ml, transformer, metadata);
    }

    /// <summary>Saves the ML.NET model with <c>mlContext.Model.Save</c> and adds the metadata entry to the zip.</summary>
    public void Save(string path)
    {
        var schemaView = _ml.Data.LoadFromEnumerable(Array.Empty<InputRow>(), _inputSchema);
        _ml.Model.Save(_transformer, schemaView.Schema, path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(MetadataEntryName)?.Delete();
        var entry = zip.CreateEntry(MetadataEntryName, CompressionLevel.Optimal);
        using var s = entry.Open();
        JsonSerializer.Serialize(s, Metadata, JsonOptions);
    }

    public IReadOnlyList<SentimentResult> PredictBatch(IReadOnlyList<string> texts)
    {
        var probabilities = PredictProbabilities(texts);
        var bias = Metadata.ClassLogBias;
        var factor = bias.Select(MathF.Exp).ToArray();
        var results = new SentimentResult[texts.Count];
        for (int i = 0; i < results.Length; i++)
        {
            float neg = probabilities[3 * i] * factor[0];
            float neu = probabilities[3 * i + 1] * factor[1];
            float pos = probabilities[3 * i + 2] * factor[2];
            float sum = neg + neu + pos;
            if (sum > 0) { neg /= sum; neu /= sum; pos /= sum; }
            results[i] = MakeResult(neg, neu, pos);
        }
        return results;
    }

    /// <summary>Builds the result (label, score) from bias-adjusted, normalised probabilities.</summary>
    public static SentimentResult MakeResult(float negative, float neutral, float positive)
    {
        float raw = Math.Clamp(positive - negative, -1f, 1f);
        if (positive > neutral && positive >= negative)
            return new SentimentResult(SentimentLabels.Positive, Math.Max(raw, 0.01f), negative, neutral, positive);
        if (negative > neutral && negative > positive)
            return new SentimentResult(SentimentLabels.Negative, Math.Min(raw, -0.01f), negative, neutral, positive);
        return new SentimentResult(SentimentLabels.Neutral, 0.3f * raw, negative, neutral, positive);
    }

    /// <summary>Unadjusted model probabilities, row-major n x 3 (negative, neutral, positive).</summary>
    public float[] PredictProbabilities(IReadOnlyList<string> texts) =>
        _compiled is not null ? PredictProbabilitiesCompiled(texts, _compiled) : PredictProbabilitiesMlNet(texts);

    private float[] PredictProbabilitiesCompiled(IReadOnlyList<string> texts, CompiledSentimentScorer scorer)
    {
        int n = texts.Count;
        var result = new float[n * SentimentLabels.Count];
        var normalized = new string[n];
        var lexicons = new float[n * SentimentTextNormalizer.FeatureCount];
        var normalizer = Metadata.Normalizer;
        float lexScale = Metadata.LexiconScale;
        // Blocks of texts per task: the per-text work is a few microseconds.
        int chunks = Math.Clamp(n / 256, 1, Environment.ProcessorCount);
        int chunkSize = (n + chunks - 1) / chunks;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c =>
        {
            int end = Math.Min(n, (c + 1) * chunkSize);
            for (int i = c * chunkSize; i < end; i++)
            {
                var lexicon = lexicons.AsSpan(i * SentimentTextNormalizer.FeatureCount, SentimentTextNormalizer.FeatureCount);
                normalized[i] = SentimentTextNormalizer.Normalize(texts[i], normalizer, lexicon);
                if (lexScale != 1f)
                    for (int k = 0; k < lexicon.Length; k++) lexicon[k] *= lexScale;
            }
        });
        scorer.Prepare(normalized);
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c =>
        {
            Span<float> raw = stackalloc float[SentimentLabels.Count];
            int end = Math.Min(n, (c + 1) * chunkSize);
            for (int i = c * chunkSize; i < end; i++)
            {
                scorer.Score(normalized[i], lexicons.AsSpan(i * SentimentTextNormalizer.FeatureCount, SentimentTextNormalizer.FeatureCount), raw);
                for (int slot = 0; slot < raw.Length; slot++) result[i * SentimentLabels.Count + _slotToClass[slot]] = raw[slot];
            }
        });
        return result;
    }

    /// <summary>The ML.NET pipeline's probabilities (the reference the compiled scorer is checked against).</summary>
    internal float[] PredictProbabilitiesMlNet(IReadOnlyList<string> texts)
    {
        int n = texts.Count;
        var result = new float[n * SentimentLabels.Count];
        if (n == 0) return result;

        var rows = new InputRow[n];
        var normalizer = Metadata.Normalizer;
        float lexScale = Metadata.LexiconScale;
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => 0, (i, _, local) =>
        {
            var lexicon = new float[SentimentTextNormalizer.FeatureCount];
            string text = SentimentTextNormalizer.Normalize(texts[i], normalizer, lexicon);
            if (lexScale != 1f)
                for (int k = 0; k < lexicon.Length; k++) lexicon[k] *= lexScale;
            rows[i] = new InputRow { Text = text, Lexicon = lexicon };
            return local;
        }, _ => { });

        int chunks = Math.Clamp(n / MinChunk, 1, Environment.ProcessorCount);
        int chunkSize = (n + chunks - 1) / chunks;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c =>
        {
            int start = c * chunkSize;
            int count = Math.Min(chunkSize, n - start);
            if (count > 0) ScoreChunk(new ArraySegment<InputRow>(rows, start, count), result.AsSpan(start * SentimentLabels.Count));
        });
        return result;
    }

    private void ScoreChunk(IEnumerable<InputRow> rows, Span<float> output)
    {
        var data = _ml.Data.LoadFromEnumerable(rows, _inputSchema);
        var scored = _transformer.Transform(data);
        var scoreColumn = scored.Schema[SentimentModelTrainer.ScoreColumn];
        // A cursor *set* of size 1: a plain GetRowCursor lets each ML.NET text transform split its input across
        // background threads (64-row batches through blocking queues), which costs more than it gains here; the
        // caller already runs one chunk per core.
        using var cursor = scored.GetRowCursorSet([scoreColumn], 1)[0];
        var getter = cursor.GetGetter<VBuffer<float>>(scoreColumn);
        VBuffer<float> buffer = default;
        int offset = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var values = buffer.DenseValues();
            int slot = 0;
            foreach (float v in values)
            {
                output[offset + _slotToClass[slot]] = v;
                slot++;
            }
            offset += SentimentLabels.Count;
        }
    }

    /// <summary>Maps Score slots to class indices using the label names ML.NET keeps as slot names.</summary>
    private int[] ResolveSlotOrder()
    {
        var probe = _ml.Data.LoadFromEnumerable(
            [new InputRow { Text = "probe", Lexicon = new float[SentimentTextNormalizer.FeatureCount] }], _inputSchema);
        var column = _transformer.GetOutputSchema(probe.Schema)[SentimentModelTrainer.ScoreColumn];
        if (column.Type is not VectorDataViewType { Size: SentimentLabels.Count })
            throw new InvalidDataException($"Score column is {column.Type}, expected a vector of {SentimentLabels.Count}.");
        if (!column.HasSlotNames()) return [0, 1, 2];
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        var map = names.DenseValues().Select(m => SentimentLabels.IndexOf(m.ToString())).ToArray();
        if (map.Length != SentimentLabels.Count || map.Distinct().Count() != SentimentLabels.Count || map.Any(i => i < 0))
            throw new InvalidDataException($"Unexpected Score slot names: {string.Join(",", names.DenseValues())}.");
        return map;
    }

    private sealed class InputRow
    {
        public string Text { get; set; } = string.Empty;
        public float[] Lexicon { get; set; } = [];
    }
}
