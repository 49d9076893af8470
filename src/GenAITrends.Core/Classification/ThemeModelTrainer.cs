using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GenAITrends.Core.Classification;

/// <summary>Out-of-fold raw scores and calibrated probabilities, one row per training example, columns in <see cref="ThemeIds.All"/> order.</summary>
public sealed record OutOfFoldPredictions(float[][] Scores, float[][] Probabilities, int[] Folds, IReadOnlyList<PlattParameters> Calibrators);

/// <summary>Platt sigmoid p = 1 / (1 + exp(Slope·score + Offset)) as ML.NET defines it.</summary>
public sealed record PlattParameters(double Slope, double Offset)
{
    public float Probability(float score) => (float)(1.0 / (1.0 + Math.Exp((Slope * score) + Offset)));
}

/// <summary>
/// Trains the shared featuriser and one calibrated linear head per theme: k-fold cross-validation gives
/// out-of-fold scores; Platt calibrators and decision thresholds are fitted on those; the final model is
/// trained on all examples and assembled into one ML.NET transformer chain.
/// </summary>
public sealed class ThemeModelTrainer
{
    private readonly MLContext _ml;
    private readonly ThemeTrainerOptions _options;

    public ThemeModelTrainer(ThemeTrainerOptions options, int seed = 17)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _ml = new MLContext(seed);
    }

    public ThemeTrainerOptions Options => _options;

    /// <summary>k-fold CV grouped by de-duplication key (retweets of one text stay in one fold).</summary>
    public OutOfFoldPredictions CrossValidate(IReadOnlyList<ThemeExample> examples) => CrossValidate(examples, _options.Seed);

    /// <summary>k-fold CV whose fold assignment is drawn with <paramref name="foldSeed"/>.</summary>
    public OutOfFoldPredictions CrossValidate(IReadOnlyList<ThemeExample> examples, int foldSeed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        int n = examples.Count;
        int k = _options.Folds;
        var folds = examples.Select(e => FoldOf(ThemeTrainingSet.DedupeKey(e.Text), k, foldSeed)).ToArray();
        var normalized = examples.Select(e => ThemeFeaturizer.Prepare(e.Text, _options.Featurizer)).ToArray();
        var scores = new float[n][];
        for (int f = 0; f < k; f++)
        {
            var trainIdx = Enumerable.Range(0, n).Where(i => folds[i] != f).ToArray();
            var testIdx = Enumerable.Range(0, n).Where(i => folds[i] == f).ToArray();
            var fitted = FitHeads(trainIdx.Select(i => examples[i]).ToList(), trainIdx.Select(i => normalized[i]).ToList());
            var testView = fitted.Featurizer.Transform(ThemeFeaturizer.ToDataView(_ml, testIdx.Select(i => normalized[i]).ToList()));
            var rows = ThemeFeaturizer.ReadFeatures(testView);
            for (int j = 0; j < testIdx.Length; j++)
            {
                scores[testIdx[j]] = fitted.Heads.Select(h => rows[j].Dot(h.Weights) + h.Bias).ToArray();
            }
        }

        var calibrators = ThemeIds.All.Select((id, t) => FitPlatt(examples, scores, t, id).Parameters).ToList();
        return new OutOfFoldPredictions(scores, Calibrate(scores, calibrators), folds, calibrators);
    }

    /// <summary>Fits on all <paramref name="examples"/> and returns calibrated probabilities for other texts (e.g. a probe set of general tweets).</summary>
    public float[][] FitAndScore(IReadOnlyList<ThemeExample> examples, IReadOnlyList<string> texts, IReadOnlyList<PlattParameters> calibrators)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(calibrators);
        var fitted = FitHeads(examples, examples.Select(e => ThemeFeaturizer.Prepare(e.Text, _options.Featurizer)).ToList());
        var view = fitted.Featurizer.Transform(ThemeFeaturizer.ToDataView(_ml, texts.Select(t => ThemeFeaturizer.Prepare(t, _options.Featurizer)).ToList()));
        return ThemeFeaturizer.ReadFeatures(view)
            .Select(row => fitted.Heads.Select((h, t) => calibrators[t].Probability(row.Dot(h.Weights) + h.Bias)).ToArray())
            .ToArray();
    }

    /// <summary>
    /// Runs CV (<see cref="ThemeTrainerOptions.CvRepeats"/> times, each with its own fold assignment), tunes thresholds on
    /// the out-of-fold probabilities and trains the final model on all examples. With repeats, one Platt calibrator per
    /// theme is fitted on every repeat's out-of-fold scores, thresholds are tuned per repeat and each theme takes the
    /// median: which posts share a fold moved a threshold by up to 0.1 from one fold seed to the next.
    /// </summary>
    public ThemeModel Train(IReadOnlyList<ThemeExample> examples, out OutOfFoldPredictions outOfFold, out IReadOnlyList<ThemeThreshold> tuned)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var runs = Enumerable.Range(0, Math.Max(1, _options.CvRepeats)).Select(r => CrossValidate(examples, _options.Seed + r)).ToList();
        var pooledExamples = runs.SelectMany(_ => examples).ToList();
        var pooledScores = runs.SelectMany(r => r.Scores).ToArray();
        var platts = ThemeIds.All.Select((id, t) => FitPlatt(pooledExamples, pooledScores, t, id)).ToList();
        var calibrators = platts.Select(p => p.Parameters).ToList();
        var perRun = runs.Select(r => ThemeThresholdTuner.Tune(examples, Calibrate(r.Scores, calibrators), _options.Thresholds)).ToList();
        var thresholds = ThemeThresholdTuner.MedianPerTheme(perRun);
        var oof = new OutOfFoldPredictions(runs[0].Scores, Calibrate(runs[0].Scores, calibrators), runs[0].Folds, calibrators);
        outOfFold = oof;
        tuned = thresholds;
        var normalized = examples.Select(e => ThemeFeaturizer.Prepare(e.Text, _options.Featurizer)).ToList();
        var fitted = FitHeads(examples, normalized);

        // Assemble featuriser → (head → Platt → copy) × 5 into one chain that ML.NET can save and load.
        var chain = new List<ITransformer> { fitted.Featurizer };
        IDataView view = fitted.Featurizer.Transform(ThemeFeaturizer.ToDataView(_ml, normalized.Take(64).ToList()));
        for (int t = 0; t < ThemeIds.All.Count; t++)
        {
            string id = ThemeIds.All[t];
            var head = fitted.Heads[t].Transformer;
            view = head.Transform(view);
            var platt = platts[t].Transformer;
            view = platt.Transform(view);
            var copy = _ml.Transforms.CopyColumns(ThemeModel.ScoreColumn(id), "Score")
                .Append(_ml.Transforms.CopyColumns(ThemeModel.ProbabilityColumn(id), "Probability"))
                .Fit(view);
            view = copy.Transform(view);
            chain.Add(head);
            chain.Add(platt);
            chain.Add(copy);
        }

        var manifest = new ThemeModelManifest
        {
            ModelVersion = $"themes-{DateTime.UtcNow:yyyyMMdd-HHmmss}",
            CreatedUtc = DateTime.UtcNow,
            Featurizer = _options.Featurizer with { Lexicon = _options.Featurizer.LexiconTokens ? ThemeLexicon.Fingerprint : null },
            Trainer = _options.ToString(),
            TrainingCounts = CountsOf(examples),
            Themes = thresholds.Select((th, t) => new ThemeManifestEntry
            {
                Id = th.ThemeId,
                Threshold = th.Threshold,
                PlattSlope = oof.Calibrators[t].Slope,
                PlattOffset = oof.Calibrators[t].Offset,
                OutOfFoldWeightedF1 = th.WeightedF1,
            }).ToList(),
        };
        // TF-IDF values for the compiled featuriser, from the same texts and with ML.NET's formula (checked against ML.NET at load).
        float[]? idf = null;
        if (CompiledThemeFeaturizer.UsesIdf(_options.Featurizer))
        {
            var names = ThemeFeaturizer.ReadSlotNames(fitted.Featurizer.Transform(ThemeFeaturizer.ToDataView(_ml, ["x"])).Schema);
            idf = CompiledThemeFeaturizer.TryCreate(names, _options.Featurizer, out _)?.ComputeIdf(normalized);
        }

        return new ThemeModel(_ml, new TransformerChain<ITransformer>([.. chain]), ThemeFeaturizer.ToDataView(_ml, ["x"]).Schema, manifest, idf)
            .RecordSelfCheck();
    }

    private static float[][] Calibrate(float[][] scores, IReadOnlyList<PlattParameters> calibrators) =>
        scores.Select(s => s.Select((v, t) => calibrators[t].Probability(v)).ToArray()).ToArray();

    private sealed record FittedHead(ISingleFeaturePredictionTransformer<object> Transformer, float[] Weights, float Bias);

    private sealed record FittedHeads(ITransformer Featurizer, IReadOnlyList<FittedHead> Heads);

    private FittedHeads FitHeads(IReadOnlyList<ThemeExample> examples, IReadOnlyList<string> normalized)
    {
        var featurizer = ThemeFeaturizer.Build(_ml, _options.Featurizer).Fit(ThemeFeaturizer.ToDataView(_ml, normalized));
        var rows = examples.Select((e, i) => new ThemeTrainingRow(normalized[i], e, _options.PositiveWeight)).ToList();

        // The heads are fitted on the feature vectors without their slot names: a prediction transformer stores its
        // training schema, and 5 copies of ~10^5 slot names would dominate the model file and its load time.
        var featurized = featurizer.Transform(ThemeFeaturizer.ToDataView(_ml, normalized));
        int size = ((VectorDataViewType)featurized.Schema[ThemeFeaturizer.FeaturesColumn].Type).Size;
        var features = ThemeFeaturizer.ReadFeatures(featurized);
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].Features = new VBuffer<float>(size, features[i].Indices.Length, features[i].Values, features[i].Indices);
        }

        var schema = SchemaDefinition.Create(typeof(ThemeTrainingRow));
        schema[nameof(ThemeTrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var data = _ml.Data.Cache(_ml.Data.LoadFromEnumerable(rows, schema));
        var heads = new List<FittedHead>();
        for (int t = 0; t < ThemeIds.All.Count; t++)
        {
            string label = ThemeTrainingRow.LabelColumn(t);
            string weight = ThemeTrainingRow.WeightColumn(t);
            ISingleFeaturePredictionTransformer<object> head = _options.Head switch
            {
                ThemeHeadKind.SdcaLogistic => _ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
                {
                    LabelColumnName = label,
                    ExampleWeightColumnName = weight,
                    FeatureColumnName = ThemeFeaturizer.FeaturesColumn,
                    LossFunction = new LogLoss(),
                    L2Regularization = _options.L2,
                    L1Regularization = _options.L1,
                    NumberOfThreads = 1,
                    MaximumNumberOfIterations = _options.MaxIterations,
                    Shuffle = true,
                }).Fit(data),
                ThemeHeadKind.LbfgsLogistic => _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = label,
                    ExampleWeightColumnName = weight,
                    FeatureColumnName = ThemeFeaturizer.FeaturesColumn,
                    L2Regularization = _options.L2,
                    L1Regularization = _options.L1,
                    NumberOfThreads = 1,
                }).Fit(data),
                _ => throw new InvalidOperationException(),
            };
            var linear = LinearHead.From(head.Model);
            heads.Add(new FittedHead(head, linear.Weights, linear.Bias));
        }

        return new FittedHeads(featurizer, heads);
    }

    private (ITransformer Transformer, PlattParameters Parameters) FitPlatt(IReadOnlyList<ThemeExample> examples, float[][] scores, int t, string id)
    {
        var rows = new List<ScoreRow>();
        for (int i = 0; i < examples.Count; i++)
        {
            if (_options.Calibration == CalibrationSet.AllWeighted || examples[i].Source == ThemeExampleSource.RealPost)
            {
                rows.Add(new ScoreRow
                {
                    Score = scores[i][t],
                    Label = examples[i].Has(id),
                    Weight = _options.Calibration == CalibrationSet.AllWeighted ? examples[i].Weight : 1f,
                });
            }
        }

        var transformer = _ml.BinaryClassification.Calibrators
            .Platt(labelColumnName: nameof(ScoreRow.Label), scoreColumnName: nameof(ScoreRow.Score), exampleWeightColumnName: nameof(ScoreRow.Weight))
            .Fit(_ml.Data.LoadFromEnumerable(rows));
        var calibrator = ((ISingleFeaturePredictionTransformer<PlattCalibrator>)transformer).Model;
        return (transformer, new PlattParameters(calibrator.Slope, calibrator.Offset));
    }

    private static Dictionary<string, int> CountsOf(IReadOnlyList<ThemeExample> examples)
    {
        var counts = new Dictionary<string, int>();
        foreach (var group in examples.GroupBy(e => e.Source))
        {
            counts[$"{group.Key}"] = group.Count();
            counts[$"{group.Key}.themeless"] = group.Count(e => e.IsThemeless);
            foreach (var id in ThemeIds.All)
            {
                counts[$"{group.Key}.{id}"] = group.Count(e => e.Has(id));
            }
        }

        return counts;
    }

    internal static int FoldOf(string key, int folds, int seed)
    {
        // FNV-1a: stable across runs and processes (string.GetHashCode is randomised).
        uint h = 2166136261u ^ (uint)seed;
        foreach (char c in key)
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)(h % (uint)folds);
    }

    private sealed class ScoreRow
    {
        public float Score { get; set; }

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}

/// <summary>A training row: normalised text, one label and one example-weight column per theme.</summary>
public sealed class ThemeTrainingRow
{
    public ThemeTrainingRow(string text, ThemeExample example, float positiveWeight)
    {
        Text = text;
        Label0 = example.Has(ThemeIds.All[0]);
        Label1 = example.Has(ThemeIds.All[1]);
        Label2 = example.Has(ThemeIds.All[2]);
        Label3 = example.Has(ThemeIds.All[3]);
        Label4 = example.Has(ThemeIds.All[4]);
        Weight0 = example.Weight * (Label0 ? positiveWeight : 1f);
        Weight1 = example.Weight * (Label1 ? positiveWeight : 1f);
        Weight2 = example.Weight * (Label2 ? positiveWeight : 1f);
        Weight3 = example.Weight * (Label3 ? positiveWeight : 1f);
        Weight4 = example.Weight * (Label4 ? positiveWeight : 1f);
    }

    public string Text { get; set; }

    /// <summary>Filled by the trainer with the featuriser output.</summary>
    public VBuffer<float> Features { get; set; }

    public bool Label0 { get; set; }

    public bool Label1 { get; set; }

    public bool Label2 { get; set; }

    public bool Label3 { get; set; }

    public bool Label4 { get; set; }

    public float Weight0 { get; set; }

    public float Weight1 { get; set; }

    public float Weight2 { get; set; }

    public float Weight3 { get; set; }

    public float Weight4 { get; set; }

    public static string LabelColumn(int theme) => $"Label{theme}";

    public static string WeightColumn(int theme) => $"Weight{theme}";
}

/// <summary>Weights and bias of a linear head, read from ML.NET model parameters (trained or loaded from a zip).</summary>
public sealed record LinearHead(float[] Weights, float Bias)
{
    public static LinearHead From(object modelParameters)
    {
        object model = modelParameters;
        if (model is CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated)
        {
            model = calibrated.SubModel;
        }
        else if (model is not LinearBinaryModelParameters && model is CalibratedModelParametersBase)
        {
            // Calibrated wrappers loaded from a zip have other generic arguments; their SubModel is still the linear model.
            model = model.GetType().GetProperties()
                .Where(p => p.Name == "SubModel")
                .Select(p => p.GetValue(model))
                .FirstOrDefault(v => v is LinearBinaryModelParameters)
                ?? throw new InvalidOperationException($"No linear SubModel on {model.GetType().Name}.");
        }

        if (model is LinearBinaryModelParameters linear)
        {
            return new LinearHead([.. linear.Weights], linear.Bias);
        }

        throw new InvalidOperationException($"Theme heads must be linear; got {model.GetType().Name}.");
    }

    public float Score(in SparseRow row) => row.Dot(Weights) + Bias;
}
