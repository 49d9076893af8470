using System.ComponentModel;
using System.Diagnostics;
using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Sentiment;
using GenAITrends.Core.Storage;
using Microsoft.ML.Transforms.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>`genaitrends train themes|sentiment`: reproduces the shipped models (docs/model-card.md).</summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("themes or sentiment")]
        public string Model { get; init; } = "";

        [CommandOption("--data <DIR>")]
        [Description("themes: folder with themes.csv and real_posts_train_labels.csv (default data/training); sentiment: the SemEval/TweetEval folder (default ../shared/data/real/train_sentiment)")]
        public string? Data { get; init; }

        [CommandOption("--shared <DIR>")]
        [Description("The public reference data (default: ../shared/data/real beside the checkout)")]
        public string? Shared { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("themes: output folder (default data/models/themes); sentiment: output zip (default data/models/sentiment/sentiment.zip)")]
        public string? Out { get; init; }

        [CommandOption("--max-theme-fp <RATE>")]
        [Description("themes: per-theme false-positive budget on theme-less real posts when tuning thresholds out-of-fold (default 0.02)")]
        public double? MaxThemeFp { get; init; }

        [CommandOption("--max-any-fp <RATE>")]
        [Description("themes: budget for theme-less real posts given any theme (default 0.02)")]
        public double? MaxAnyFp { get; init; }

        [CommandOption("--max-threshold <P>")]
        [Description("themes: highest decision threshold a theme may get (default 0.7: above that the calibrated model is asked for near-certainty, which cross-validation showed costs recall)")]
        public double? MaxThreshold { get; init; }

        [CommandOption("--real-post-copies <K>")]
        [Description("sentiment: how many times each labelled real GenAI post (data/training/real_posts_train_labels.csv, minus copies of development posts) joins the SemEval training set (default 3; 0 = SemEval only)")]
        public int? RealPostCopies { get; init; }

        [CommandOption("--min-threshold <P>")]
        [Description("themes: lowest decision threshold a theme may get (default 0.6: a theme is assigned only when the calibrated model finds it clearly more likely than not; with few real positives (video) the out-of-fold optimum otherwise drifts low enough to tag any post that says 'video')")]
        public double? MinThreshold { get; init; }

        public override ValidationResult Validate() =>
            Model is "themes" or "sentiment" ? ValidationResult.Success() : ValidationResult.Error("MODEL must be 'themes' or 'sentiment'");
    }

    /// <summary>The configuration of the shipped theme model, chosen by cross-validation (docs/model-card.md).</summary>
    public static readonly ThemeTrainerOptions ThemeOptions = new()
    {
        Featurizer = new ThemeFeaturizerOptions
        {
            Kind = ThemeFeaturizerKind.Ngrams,
            WordNgramLength = 2,
            CharNgramLengths = [4],
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            SplitCjk = true,
            MinDocumentCount = 2,
            LexiconTokens = true,
        },
        L2 = 1e-5f,
        Weights = new ThemeSourceWeights(RealPost: 4f, TeamWritten: 0.5f, Background: 0.25f),
        CvRepeats = 5,
        Thresholds = new ThresholdPolicy { MaxThemeFpRate = 0.02, MaxBackgroundFpRate = 0.002, MinThreshold = 0.6, MaxThreshold = 0.7 },
    };

    public const int BackgroundTweets = 2000;

    /// <summary>The configuration of the shipped sentiment model (hashed word 1–2-grams + char 4-grams, SDCA maximum entropy).</summary>
    public static readonly SentimentTrainerOptions SentimentOptions = new()
    {
        // _NEG token marking measured as harmful (docs/model-card.md); negation still flips the lexicon hit counts.
        Normalizer = SentimentNormalizerOptions.Default with { MarkNegation = false, SplitCjk = true },
        Algorithm = SentimentAlgorithm.SdcaMaximumEntropy,
        WordNgramLength = 2,
        WordHashBits = 20,
        CharNgramMin = 4,
        CharNgramMax = 4,
        CharHashBits = 20,
        L2 = 1e-5f,
        MaxIterations = 100,
    };

    public override int Execute(CommandContext context, Settings settings, CancellationToken ct)
    {
        var shared = SharedData.Root(settings.Shared);
        return settings.Model == "themes" ? TrainThemes(settings, shared) : TrainSentiment(settings, shared);
    }

    private static int TrainThemes(Settings s, string shared)
    {
        var data = RepositoryPaths.Resolve(s.Data ?? "data/training");
        var output = s.Out ?? RepositoryPaths.ResolveForWrite("data/models/themes");
        var sw = Stopwatch.StartNew();

        var set = new ThemeTrainingSet();
        set.Add(ThemeTrainingSet.ReadTeamExamples(Path.Combine(data, "themes.csv")), ThemeOptions.Weights);
        var real = RealPostLabels.Load(Path.Combine(data, "real_posts_train_labels.csv"), Path.Combine(shared, "posts"));
        set.Add(real.Select(p => new ThemeExample(p.Text, ThemeIds.ParseList(p.Themes), ThemeExampleSource.RealPost, 1f, p.Key)).ToList(), ThemeOptions.Weights);
        var semeval = Directory.GetFiles(Path.Combine(shared, "train_sentiment"), "semeval_twitter-201*train-A.txt").Order().ToArray();
        set.Add(ThemeTrainingSet.ReadBackgroundTweets(semeval, BackgroundTweets), ThemeOptions.Weights);
        var removed = set.RemoveOverlap(DevelopmentPosts(data, shared).Select(p => p.Text));
        var duplicates = set.RemoveDuplicates();
        AnsiConsole.WriteLine($"training set: {set.Describe()}; removed {duplicates} duplicates and {removed} texts of the development set");

        var options = ThemeOptions with
        {
            Thresholds = ThemeOptions.Thresholds with
            {
                MaxThemeFpRate = s.MaxThemeFp ?? ThemeOptions.Thresholds.MaxThemeFpRate,
                MaxAnyFpRate = s.MaxAnyFp ?? ThemeOptions.Thresholds.MaxAnyFpRate,
                MaxThreshold = s.MaxThreshold ?? ThemeOptions.Thresholds.MaxThreshold,
                MinThreshold = s.MinThreshold ?? ThemeOptions.Thresholds.MinThreshold,
            },
        };
        var model = new ThemeModelTrainer(options).Train(set.Examples, out _, out var thresholds);
        model.Save(output);
        foreach (var t in thresholds)
            AnsiConsole.WriteLine($"  {t.ThemeId}: threshold {t.Threshold:0.000} (out-of-fold weighted F1 {t.WeightedF1:0.000})");
        AnsiConsole.MarkupLine($"[green]Saved[/] {Markup.Escape(model.Manifest.ModelVersion)} to {Markup.Escape(output)} in {sw.Elapsed.TotalSeconds:N0} s");
        return 0;
    }

    /// <summary>The labelled development posts (<c>real_posts_dev_labels*.csv</c>: English, non-English), kept out of every training set.</summary>
    private static IEnumerable<RealPostLabels.LabelledPost> DevelopmentPosts(string data, string shared) =>
        Directory.GetFiles(data, "real_posts_dev_labels*.csv").Order()
            .SelectMany(file => RealPostLabels.Load(file, Path.Combine(shared, "posts")));

    /// <summary>Copies of each labelled real GenAI post in the sentiment training set: 47k SemEval tweets from 2013–2016 say little about
    /// how people write about GenAI (announcements, hype, paper summaries); measured in docs/model-card.md.</summary>
    public const int RealPostCopies = 3;

    private static List<SentimentExample> RealGenAiPosts(string shared)
    {
        var data = RepositoryPaths.Resolve("data/training");
        var posts = Path.Combine(shared, "posts");
        var dev = DevelopmentPosts(data, shared).Select(p => ThemeTrainingSet.DedupeKey(p.Text)).ToHashSet(StringComparer.Ordinal);
        return RealPostLabels.Load(Path.Combine(data, "real_posts_train_labels.csv"), posts)
            .Where(p => p.Sentiment.Length > 0 && !dev.Contains(ThemeTrainingSet.DedupeKey(p.Text)))
            .DistinctBy(p => ThemeTrainingSet.DedupeKey(p.Text))
            .Select(p => new SentimentExample("real:" + p.Key, p.Text, p.Sentiment))
            .ToList();
    }

    private static int TrainSentiment(Settings s, string shared)
    {
        var data = s.Data ?? Path.Combine(shared, "train_sentiment");
        var output = s.Out ?? RepositoryPaths.ResolveForWrite("data/models/sentiment/sentiment.zip");
        var sw = Stopwatch.StartNew();
        var pool = SentimentCorpusReader.ReadSemEval(data, out var stats);
        var val = SentimentCorpusReader.ReadTweetEval(Path.Combine(data, "tweeteval_val_text.txt"), Path.Combine(data, "tweeteval_val_labels.txt"));
        // TweetEval's validation tweets come from the same SemEval pool: keep them out of training.
        var train = SentimentCorpusReader.RemoveLeaks(pool, val, stats, out _).ToList();
        AnsiConsole.WriteLine($"training set: {stats}");
        var copies = s.RealPostCopies ?? RealPostCopies;
        if (copies > 0)
        {
            var genAi = RealGenAiPosts(shared);
            for (int i = 0; i < copies; i++) train.AddRange(genAi);
            AnsiConsole.WriteLine($"plus {genAi.Count} labelled real GenAI posts × {copies}");
        }

        var model = new SentimentModelTrainer(SentimentOptions).Train(train);
        var probabilities = model.PredictProbabilities(val.Select(v => v.Text).ToArray());
        var gold = val.Select(v => SentimentLabels.IndexOf(v.Label)).ToArray();
        // Class biases that maximise macro-averaged recall, tuned on the TweetEval validation split.
        var bias = SentimentEvaluator.TuneClassBias(probabilities, gold);
        var tuned = model.WithClassBias(bias);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        tuned.Save(output);
        var metrics = SentimentEvaluator.Evaluate(gold, SentimentEvaluator.Decide(probabilities, bias));
        AnsiConsole.WriteLine($"TweetEval validation (tuning set): {metrics}");
        AnsiConsole.MarkupLine($"[green]Saved[/] {Markup.Escape(output)} in {sw.Elapsed.TotalSeconds:N0} s");
        return 0;
    }
}
