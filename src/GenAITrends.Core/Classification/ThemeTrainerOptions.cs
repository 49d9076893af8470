namespace GenAITrends.Core.Classification;

/// <summary>The per-theme binary learner. Both are L2-regularised logistic regression on the shared features.</summary>
public enum ThemeHeadKind
{
    /// <summary>SdcaNonCalibrated with log loss: a plain linear model, Platt-calibrated afterwards on out-of-fold scores.</summary>
    SdcaLogistic,

    /// <summary>LbfgsLogisticRegression (its own sigmoid is replaced by the out-of-fold Platt calibration too).</summary>
    LbfgsLogistic,
}

/// <summary>Which out-of-fold examples the Platt calibrator is fitted on.</summary>
public enum CalibrationSet
{
    /// <summary>Real labelled posts only: probabilities mean "share of real posts like this that carry the theme".</summary>
    RealPosts,

    /// <summary>Every training example, weighted like in training.</summary>
    AllWeighted,
}

public sealed record ThemeTrainerOptions
{
    public ThemeFeaturizerOptions Featurizer { get; init; } = new();

    public ThemeHeadKind Head { get; init; } = ThemeHeadKind.SdcaLogistic;

    public float L2 { get; init; } = 1e-4f;

    public float L1 { get; init; }

    public int MaxIterations { get; init; } = 50;

    public ThemeSourceWeights Weights { get; init; } = new();

    /// <summary>Extra factor on positive examples of a head (1 = none).</summary>
    public float PositiveWeight { get; init; } = 1f;

    public int Folds { get; init; } = 5;

    /// <summary>How many times the CV runs, each with another fold assignment; thresholds are the per-theme median (odd counts pick a run's own value).</summary>
    public int CvRepeats { get; init; } = 1;

    public int Seed { get; init; } = 17;

    public CalibrationSet Calibration { get; init; } = CalibrationSet.RealPosts;

    public ThresholdPolicy Thresholds { get; init; } = new();

    public override string ToString() =>
        $"{Featurizer} | {Head} L2={L2:g3} L1={L1:g3} | w(real={Weights.RealPost:g3}, team={Weights.TeamWritten:g3}, bg={Weights.Background:g3}) pos×{PositiveWeight:g3}{(CvRepeats > 1 ? $" | CV {Folds}-fold ×{CvRepeats}" : "")}";
}

/// <summary>
/// How per-theme thresholds are picked on out-of-fold probabilities: maximise weighted F1 of the theme subject to
/// (a) at most <see cref="MaxThemeFpRate"/> of theme-less real posts above the threshold and
/// (b) at most <see cref="MaxAnyFpRate"/> of theme-less real posts given any theme, and
/// (c) at most <see cref="MaxBackgroundFpRate"/> of background tweets given any theme.
/// </summary>
public sealed record ThresholdPolicy
{
    public double MaxThemeFpRate { get; init; } = 0.01;

    public double MaxAnyFpRate { get; init; } = 0.02;

    /// <summary>Budget for background (general, non-AI) tweets given any theme, when such examples are in the training set.</summary>
    public double MaxBackgroundFpRate { get; init; } = 0.005;

    /// <summary>Weight multiplier of real posts in the F1 objective (team-written examples count 1 per row × this ratio).</summary>
    public bool UseExampleWeightsInF1 { get; init; } = true;

    public double MinThreshold { get; init; } = 0.05;

    public double MaxThreshold { get; init; } = 0.95;
}
