using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace GenAITrends.Core.Sentiment;

/// <summary>Linear multiclass learners the trainer can use.</summary>
public enum SentimentAlgorithm
{
    SdcaMaximumEntropy,
    LbfgsMaximumEntropy,
    /// <summary>One-versus-all over L-BFGS logistic regression, probabilities normalised across classes.</summary>
    OneVersusAllLogistic,
}

/// <summary>Everything that defines a trained model apart from the data.</summary>
public sealed record SentimentTrainerOptions
{
    public SentimentNormalizerOptions Normalizer { get; init; } = SentimentNormalizerOptions.Default;

    /// <summary>Concatenate the normaliser's numeric lexicon/cue features to the text features.</summary>
    public bool UseLexiconFeatures { get; init; } = true;

    /// <summary>Scale applied (in C#, before ML.NET; stored in the model metadata) to the numeric features relative
    /// to the L2-normalised n-gram blocks.</summary>
    public float LexiconScale { get; init; } = 1f;

    /// <summary>Word n-grams 1..WordNgramLength (0 = none).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-grams CharNgramMin..CharNgramMax over the normalised text (CharNgramMax 0 = none).</summary>
    public int CharNgramMin { get; init; } = 3;
    public int CharNgramMax { get; init; } = 5;

    /// <summary>Character n-grams of every length 1..CharNgramMax in one column (one ML.NET pass, cheaper than
    /// one pass per length); CharNgramMin is then ignored.</summary>
    public bool CharAllLengths { get; init; }

    /// <summary>Hash word n-grams into 2^WordHashBits slots instead of building a dictionary; null = dictionary.
    /// Hashing is ~3x faster at prediction time.</summary>
    public int? WordHashBits { get; init; }

    /// <summary>Hash char n-grams into 2^CharHashBits slots instead of building dictionaries; null = dictionaries.</summary>
    public int? CharHashBits { get; init; }

    public SentimentAlgorithm Algorithm { get; init; } = SentimentAlgorithm.SdcaMaximumEntropy;

    /// <summary>L2 regularisation; null = the learner's default.</summary>
    public float? L2 { get; init; }

    /// <summary>L1 regularisation; null = the learner's default.</summary>
    public float? L1 { get; init; }

    public int? MaxIterations { get; init; }

    /// <summary>Example weight (N / (K * n_class))^power: 0 = unweighted, 1 = fully balanced.</summary>
    public double ClassWeightPower { get; init; }

    /// <summary>SDCA uses threads; 1 makes it deterministic.</summary>
    public int? Threads { get; init; } = 1;

    public int Seed { get; init; } = 42;
}

/// <summary>Builds the ML.NET pipeline (normalised text -> word and char n-grams + numeric cues -> linear
/// maximum-entropy model) and trains it.</summary>
public sealed class SentimentModelTrainer(SentimentTrainerOptions options)
{
    public const string TextColumn = "Text";
    public const string LexiconColumn = "Lexicon";
    public const string LabelColumn = "Label";
    public const string WeightColumn = "Weight";
    public const string FeaturesColumn = "Features";
    public const string ScoreColumn = "Score";

    public SentimentTrainerOptions Options { get; } = options;

    /// <summary>Trains on the examples; the returned model has no class bias (all zero) yet.</summary>
    public SentimentModel Train(IReadOnlyList<SentimentExample> examples, MLContext? mlContext = null)
    {
        var ml = mlContext ?? new MLContext(Options.Seed);
        var rows = BuildRows(examples);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Lexicon)].ColumnType =
            new VectorDataViewType(NumberDataViewType.Single, SentimentTextNormalizer.FeatureCount);
        IDataView data = ml.Data.LoadFromEnumerable(rows, schema);

        // Map labels to keys outside the saved model so that prediction needs only Text + Lexicon.
        // ByValue ordering gives keys 1..3 = negative, neutral, positive.
        var labelMap = ml.Transforms.Conversion.MapValueToKey(LabelColumn, nameof(TrainingRow.LabelText),
            keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data);
        data = labelMap.Transform(data);

        var model = BuildPipeline(ml).Fit(data);
        var metadata = new SentimentModelMetadata
        {
            Normalizer = Options.Normalizer,
            LexiconScale = Options.LexiconScale,
            TrainerDescription = Options.ToString(),
            TrainingExamples = examples.Count,
            TrainedUtc = DateTime.UtcNow,
        };
        return new SentimentModel(ml, model, metadata);
    }

    /// <summary>The featurisation + learner pipeline, reading columns Text, Lexicon, Label (key), Weight.</summary>
    public IEstimator<ITransformer> BuildPipeline(MLContext ml)
    {
        var o = Options;
        var blocks = new List<string>();
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();

        if (o.WordNgramLength > 0)
        {
            if (o.WordHashBits is int bits)
            {
                chain = chain.Append(ml.Transforms.Text.ProduceHashedWordBags("WordNgrams", TextColumn, numberOfBits: bits,
                    ngramLength: o.WordNgramLength, useAllLengths: true, maximumNumberOfInverts: 0));
            }
            else
            {
                chain = chain
                    .Append(ml.Transforms.Text.TokenizeIntoWords("Words", TextColumn, separators: [' ']))
                    .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
                    .Append(ml.Transforms.Text.ProduceNgrams("WordNgrams", "WordKeys", ngramLength: o.WordNgramLength,
                        useAllLengths: true, weighting: NgramExtractingEstimator.WeightingCriteria.Tf));
            }
            chain = chain.Append(ml.Transforms.NormalizeLpNorm("WordNgrams", norm: LpNormNormalizingEstimatorBase.NormFunction.L2));
            blocks.Add("WordNgrams");
        }

        if (o.CharNgramMax > 0)
        {
            chain = chain.Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", TextColumn, useMarkerCharacters: true));
            var lengths = o.CharAllLengths ? [o.CharNgramMax] : Enumerable.Range(o.CharNgramMin, o.CharNgramMax - o.CharNgramMin + 1).ToArray();
            var charColumns = new List<string>();
            foreach (int len in lengths)
            {
                string col = $"Char{len}";
                chain = o.CharHashBits is int bits
                    ? chain.Append(ml.Transforms.Text.ProduceHashedNgrams(col, "Chars", numberOfBits: bits, ngramLength: len,
                        useAllLengths: o.CharAllLengths, maximumNumberOfInverts: 0))
                    : chain.Append(ml.Transforms.Text.ProduceNgrams(col, "Chars", ngramLength: len, useAllLengths: o.CharAllLengths,
                        weighting: NgramExtractingEstimator.WeightingCriteria.Tf));
                charColumns.Add(col);
            }
            string charBlock = charColumns[0];
            if (charColumns.Count > 1)
            {
                charBlock = "CharNgrams";
                chain = chain.Append(ml.Transforms.Concatenate(charBlock, [.. charColumns]));
            }
            // (NormalizeGlobalContrast could scale the block but produces dense vectors: far too slow here.)
            chain = chain.Append(ml.Transforms.NormalizeLpNorm(charBlock, norm: LpNormNormalizingEstimatorBase.NormFunction.L2));
            blocks.Add(charBlock);
        }

        if (o.UseLexiconFeatures) blocks.Add(LexiconColumn);

        if (blocks.Count == 0) throw new InvalidOperationException("No feature blocks enabled.");
        return chain
            .Append(ml.Transforms.Concatenate(FeaturesColumn, [.. blocks]))
            .AppendCacheCheckpoint(ml)
            .Append(BuildLearner(ml));
    }

    private IEstimator<ITransformer> BuildLearner(MLContext ml)
    {
        var o = Options;
        string? weight = o.ClassWeightPower > 0 ? WeightColumn : null;
        switch (o.Algorithm)
        {
            case SentimentAlgorithm.SdcaMaximumEntropy:
                return ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = LabelColumn,
                    FeatureColumnName = FeaturesColumn,
                    ExampleWeightColumnName = weight,
                    L2Regularization = o.L2,
                    L1Regularization = o.L1,
                    MaximumNumberOfIterations = o.MaxIterations,
                    NumberOfThreads = o.Threads,
                    Shuffle = true,
                });
            case SentimentAlgorithm.LbfgsMaximumEntropy:
                return ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = LabelColumn,
                    FeatureColumnName = FeaturesColumn,
                    ExampleWeightColumnName = weight,
                    L2Regularization = o.L2 ?? 1f,
                    L1Regularization = o.L1 ?? 1f,
                    MaximumNumberOfIterations = o.MaxIterations ?? int.MaxValue,
                    NumberOfThreads = o.Threads,
                    OptimizationTolerance = 1e-7f,
                });
            case SentimentAlgorithm.OneVersusAllLogistic:
                var binary = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    FeatureColumnName = FeaturesColumn,
                    ExampleWeightColumnName = weight,
                    L2Regularization = o.L2 ?? 1f,
                    L1Regularization = o.L1 ?? 1f,
                    MaximumNumberOfIterations = o.MaxIterations ?? int.MaxValue,
                    NumberOfThreads = o.Threads,
                    OptimizationTolerance = 1e-7f,
                });
                return ml.MulticlassClassification.Trainers.OneVersusAll(binary, LabelColumn, useProbabilities: true);
            default:
                throw new ArgumentOutOfRangeException(nameof(o.Algorithm), o.Algorithm, null);
        }
    }

    private List<TrainingRow> BuildRows(IReadOnlyList<SentimentExample> examples)
    {
        var counts = new double[SentimentLabels.Count];
        foreach (var e in examples) counts[SentimentLabels.IndexOf(e.Label)]++;
        var weights = new float[SentimentLabels.Count];
        for (int c = 0; c < weights.Length; c++)
            weights[c] = counts[c] == 0 ? 1f
                : (float)Math.Pow(examples.Count / (SentimentLabels.Count * counts[c]), Options.ClassWeightPower);

        var rows = new TrainingRow[examples.Count];
        var normalizer = Options.Normalizer;
        Parallel.For(0, examples.Count, i =>
        {
            var e = examples[i];
            var lexicon = new float[SentimentTextNormalizer.FeatureCount];
            string text = SentimentTextNormalizer.Normalize(e.Text, normalizer, lexicon);
            if (Options.LexiconScale != 1f)
                for (int k = 0; k < lexicon.Length; k++) lexicon[k] *= Options.LexiconScale;
            rows[i] = new TrainingRow
            {
                Text = text,
                Lexicon = lexicon,
                LabelText = e.Label,
                Weight = weights[SentimentLabels.IndexOf(e.Label)],
            };
        });
        return [.. rows];
    }

    private sealed class TrainingRow
    {
        public string Text { get; set; } = string.Empty;
        public float[] Lexicon { get; set; } = [];
        public string LabelText { get; set; } = string.Empty;
        public float Weight { get; set; }
    }
}
