using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace GenAITrends.Core.Classification;

/// <summary>Per-theme probabilities (in <see cref="ThemeIds.All"/> order) and the themes whose threshold they reach.</summary>
public sealed record ThemePrediction(float[] Probabilities, IReadOnlyList<string> Themes)
{
    public float ProbabilityOf(string themeId) => Probabilities[ThemeIds.IndexOf(themeId)];
}

/// <summary>One term of an explanation: a word n-gram, or a word whose char n-grams pushed the post into the theme.</summary>
public sealed record ThemeTermContribution(string Term, double Contribution, bool FromWordNgram);

/// <summary>How <see cref="ThemeModel.PredictBatch(IReadOnlyList{string})"/> computes features.</summary>
public enum ThemeScoringPath
{
    /// <summary>The fitted ML.NET featuriser, one IDataView Transform per block; heads scored from the extracted linear weights.</summary>
    MlNetTransform,

    /// <summary>The compiled replica of the featuriser (same vectors, checked at load); heads scored from the same weights.</summary>
    Compiled,
}

/// <summary>
/// A trained theme model: one ML.NET transformer chain (featuriser, then per theme a linear head, its Platt
/// calibrator and a copy to <c>Probability_{id}</c>) plus thresholds. Batch prediction featurises a block of posts
/// once and scores the five heads from the linear weights and Platt parameters read out of that chain (a sparse dot
/// product each), which is what the chain's own heads compute.
/// </summary>
public sealed class ThemeModel
{
    public const string IdfFileName = "themes.idf.bin";
    private const int Block = 16_384;
    private const int IdfMagic = 0x46444954; // "TIDF"

    private readonly MLContext _ml;
    private readonly TransformerChain<ITransformer> _chain;
    private readonly DataViewSchema _inputSchema;
    private readonly ITransformer _featurizer;
    private readonly LinearHead[] _heads;
    private readonly PlattParameters[] _calibrators;
    private readonly float[] _thresholds;
    private readonly float[] _interleaved;
    private readonly float[]? _idf;
    private readonly CompiledThemeFeaturizer? _compiled;
    private readonly CompiledThemeScorer? _scorer;
    private FeatureSlot[]? _slots;

    internal ThemeModel(MLContext ml, TransformerChain<ITransformer> chain, DataViewSchema inputSchema, ThemeModelManifest manifest, float[]? idf)
    {
        _ml = ml;
        _chain = chain;
        _inputSchema = inputSchema;
        _idf = idf;
        Manifest = manifest;
        var parts = chain.ToArray();
        _featurizer = parts[0];
        var heads = new List<LinearHead>();
        var calibrators = new List<PlattParameters>();
        foreach (var part in parts.Skip(1))
        {
            switch (part)
            {
                case ISingleFeaturePredictionTransformer<PlattCalibrator> platt:
                    calibrators.Add(new PlattParameters(platt.Model.Slope, platt.Model.Offset));
                    break;
                case ISingleFeaturePredictionTransformer<object> head:
                    heads.Add(LinearHead.From(head.Model));
                    break;
            }
        }

        if (heads.Count != ThemeIds.All.Count || calibrators.Count != ThemeIds.All.Count)
        {
            throw new InvalidDataException($"Expected {ThemeIds.All.Count} heads and calibrators, found {heads.Count} and {calibrators.Count}.");
        }

        _heads = [.. heads];
        _calibrators = [.. calibrators];
        _thresholds = manifest.Themes.Select(t => (float)t.Threshold).ToArray();

        // Weights interleaved slot-major (slot × theme) so one pass over a post's features scores all five heads.
        int slots = _heads[0].Weights.Length;
        _interleaved = new float[slots * _heads.Length];
        for (int t = 0; t < _heads.Length; t++)
        {
            for (int s = 0; s < slots; s++)
            {
                _interleaved[(s * _heads.Length) + t] = _heads[t].Weights[s];
            }
        }

        _compiled = TryCompile(out string reason);
        _scorer = _compiled?.BuildScorer(_heads.Select(h => h.Weights).ToList(), _heads.Select(h => h.Bias).ToList());
        if (_scorer is not null)
        {
            // A freshly trained model checks the scorer against the ML.NET features and records the reference scores;
            // a loaded one checks against those recorded scores (no ML.NET transform at load time).
            double diff = manifest.SelfCheck.Count == 0 ? MaxScoreDifference(s_selfCheckTexts.Select(t => ThemeFeaturizer.Prepare(t, manifest.Featurizer)).ToList()) : MaxSelfCheckDifference(manifest.SelfCheck);
            if (diff > 1e-4)
            {
                (_compiled, _scorer, reason) = (null, null, $"compiled scorer differs from the ML.NET featuriser + heads by {diff:g3}");
            }
        }

        CompiledStatus = _compiled is null ? reason : "compiled scorer reproduces the ML.NET featuriser + heads";
        Path = _compiled is null ? ThemeScoringPath.MlNetTransform : ThemeScoringPath.Compiled;
    }

    public ThemeModelManifest Manifest { get; private set; }

    public IReadOnlyList<float> Thresholds => _thresholds;

    public int FeatureCount => _heads[0].Weights.Length;

    /// <summary>The path <see cref="PredictBatch(IReadOnlyList{string})"/> uses; Compiled when the replica was verified at load.</summary>
    public ThemeScoringPath Path { get; set; }

    public bool CompiledAvailable => _compiled is not null;

    public string CompiledStatus { get; }

    public static string ScoreColumn(string themeId) => $"Score_{themeId}";

    public static string ProbabilityColumn(string themeId) => $"Probability_{themeId}";

    /// <summary>Loads <c>themes.zip</c>, <c>themes.json</c> and, for TF-IDF models, <c>themes.idf.bin</c> from <paramref name="directory"/>.</summary>
    public static ThemeModel Load(string directory)
    {
        var sw = Stopwatch.StartNew();
        var manifest = ThemeModelManifest.Read(System.IO.Path.Combine(directory, ThemeModelManifest.ManifestFileName));
        var ml = new MLContext(seed: 0);
        var loaded = ml.Model.Load(System.IO.Path.Combine(directory, ThemeModelManifest.ZipFileName), out var inputSchema);
        var chain = loaded as TransformerChain<ITransformer>
            ?? throw new InvalidDataException($"Expected a transformer chain, got {loaded.GetType().Name}.");
        var zipTime = sw.Elapsed;
        string idfPath = System.IO.Path.Combine(directory, IdfFileName);
        var model = new ThemeModel(ml, chain, inputSchema, manifest, File.Exists(idfPath) ? ReadIdf(idfPath) : null);
        model.LoadTimings = $"zip {zipTime.TotalMilliseconds:0} ms, heads + compiled featuriser + self-check {(sw.Elapsed - zipTime).TotalMilliseconds:0} ms";
        return model;
    }

    /// <summary>Where <see cref="Load"/> spent its time (diagnostics).</summary>
    public string LoadTimings { get; private set; } = string.Empty;

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        _ml.Model.Save(_chain, _inputSchema, System.IO.Path.Combine(directory, ThemeModelManifest.ZipFileName));
        Manifest.Write(System.IO.Path.Combine(directory, ThemeModelManifest.ManifestFileName));
        string idfPath = System.IO.Path.Combine(directory, IdfFileName);
        if (_idf is null)
        {
            File.Delete(idfPath);
            return;
        }

        using var writer = new BinaryWriter(File.Create(idfPath));
        writer.Write(IdfMagic);
        writer.Write(1);
        writer.Write(_idf.Length);
        foreach (float v in _idf)
        {
            writer.Write(v);
        }
    }

    private static float[] ReadIdf(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadInt32() != IdfMagic || reader.ReadInt32() != 1)
        {
            throw new InvalidDataException($"{path} is not a theme IDF table.");
        }

        var idf = new float[reader.ReadInt32()];
        for (int i = 0; i < idf.Length; i++)
        {
            idf[i] = reader.ReadSingle();
        }

        return idf;
    }

    /// <summary>Predicts a block of posts on the current <see cref="Path"/>; large inputs are split across the cores.</summary>
    public IReadOnlyList<ThemePrediction> PredictBatch(IReadOnlyList<string> texts) => PredictBatch(texts, Path, Environment.ProcessorCount);

    public IReadOnlyList<ThemePrediction> PredictBatch(IReadOnlyList<string> texts, ThemeScoringPath path, int maxThreads)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (path == ThemeScoringPath.Compiled && _compiled is null)
        {
            throw new InvalidOperationException($"The compiled featuriser is not available: {CompiledStatus}.");
        }

        var results = new ThemePrediction[texts.Count];
        int workers = Math.Max(1, Math.Min(maxThreads, texts.Count / 4096));
        if (workers == 1)
        {
            PredictRange(texts, 0, texts.Count, results, path);
            return results;
        }

        int chunk = (texts.Count + workers - 1) / workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            PredictRange(texts, w * chunk, Math.Min(texts.Count, (w + 1) * chunk), results, path));
        return results;
    }

    private void PredictRange(IReadOnlyList<string> texts, int start, int end, ThemePrediction[] results, ThemeScoringPath path)
    {
        for (int blockStart = start; blockStart < end; blockStart += Block)
        {
            int blockEnd = Math.Min(end, blockStart + Block);
            if (path == ThemeScoringPath.Compiled)
            {
                PredictCompiled(texts, blockStart, blockEnd, results);
            }
            else
            {
                PredictWithTransform(texts, blockStart, blockEnd, results);
            }
        }
    }

    private void PredictCompiled(IReadOnlyList<string> texts, int start, int end, ThemePrediction[] results)
    {
        var scorer = _scorer!;
        var scratch = new CompiledThemeScorer.Scratch();
        Span<float> scores = stackalloc float[_heads.Length];
        for (int i = start; i < end; i++)
        {
            scorer.Score(ThemeFeaturizer.Prepare(texts[i], Manifest.Featurizer), scratch, scores);
            results[i] = Decide(scores);
        }
    }

    /// <summary>Largest absolute difference between the fused scorer's raw scores and the heads applied to the ML.NET features.</summary>
    private double MaxScoreDifference(IReadOnlyList<string> normalized)
    {
        var reference = ThemeFeaturizer.ReadFeatures(_featurizer.Transform(ThemeFeaturizer.ToDataView(_ml, normalized)));
        var scratch = new CompiledThemeScorer.Scratch();
        Span<float> scores = stackalloc float[_heads.Length];
        double max = 0;
        for (int i = 0; i < normalized.Count; i++)
        {
            _scorer!.Score(normalized[i], scratch, scores);
            for (int t = 0; t < _heads.Length; t++)
            {
                max = Math.Max(max, Math.Abs(scores[t] - _heads[t].Score(reference[i])));
            }
        }

        return max;
    }

    private double MaxSelfCheckDifference(IReadOnlyList<ThemeSelfCheck> checks)
    {
        var scratch = new CompiledThemeScorer.Scratch();
        Span<float> scores = stackalloc float[_heads.Length];
        double max = 0;
        foreach (var check in checks)
        {
            _scorer!.Score(check.Text, scratch, scores);
            for (int t = 0; t < _heads.Length; t++)
            {
                max = Math.Max(max, Math.Abs(scores[t] - check.Scores[t]));
            }
        }

        return max;
    }

    /// <summary>Records the self-check reference scores in the manifest (done once, right after training).</summary>
    internal ThemeModel RecordSelfCheck()
    {
        Manifest = Manifest with { SelfCheck = ComputeSelfCheck() };
        return this;
    }

    /// <summary>Reference raw scores of the self-check texts through the ML.NET featuriser and the heads (stored in the manifest at training).</summary>
    internal IReadOnlyList<ThemeSelfCheck> ComputeSelfCheck()
    {
        var normalized = s_selfCheckTexts.Select(t => ThemeFeaturizer.Prepare(t, Manifest.Featurizer)).ToList();
        var rows = ThemeFeaturizer.ReadFeatures(_featurizer.Transform(ThemeFeaturizer.ToDataView(_ml, normalized)));
        return normalized.Select((text, i) => new ThemeSelfCheck { Text = text, Scores = _heads.Select(h => h.Score(rows[i])).ToArray() }).ToList();
    }

    private void PredictWithTransform(IReadOnlyList<string> texts, int start, int end, ThemePrediction[] results)
    {
        var rows = new ThemeTextRow[end - start];
        for (int i = start; i < end; i++)
        {
            rows[i - start] = new ThemeTextRow { Text = ThemeFeaturizer.Prepare(texts[i], Manifest.Featurizer) };
        }

        var view = _featurizer.Transform(_ml.Data.LoadFromEnumerable(rows));
        var column = view.Schema[ThemeFeaturizer.FeaturesColumn];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        int themes = _heads.Length;
        Span<float> scores = stackalloc float[themes];
        int r = start;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            for (int t = 0; t < themes; t++)
            {
                scores[t] = _heads[t].Bias;
            }

            var values = buffer.GetValues();
            var indices = buffer.GetIndices();
            for (int k = 0; k < values.Length; k++)
            {
                int offset = (buffer.IsDense ? k : indices[k]) * themes;
                float v = values[k];
                for (int t = 0; t < themes; t++)
                {
                    scores[t] += _interleaved[offset + t] * v;
                }
            }

            results[r++] = Decide(scores);
        }
    }

    private ThemePrediction Decide(ReadOnlySpan<float> scores)
    {
        var probabilities = new float[scores.Length];
        List<string>? assigned = null;
        for (int t = 0; t < scores.Length; t++)
        {
            float p = _calibrators[t].Probability(scores[t]);
            probabilities[t] = p;
            if (p >= _thresholds[t])
            {
                (assigned ??= new List<string>(2)).Add(ThemeIds.All[t]);
            }
        }

        return new ThemePrediction(probabilities, assigned ?? (IReadOnlyList<string>)[]);
    }

    /// <summary>Reference path: runs the whole ML.NET chain (heads and calibrators included) and reads <c>Probability_{id}</c>.</summary>
    public IReadOnlyList<ThemePrediction> PredictBatchWithPipeline(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var view = _chain.Transform(_ml.Data.LoadFromEnumerable(texts.Select(t => new ThemeTextRow { Text = ThemeFeaturizer.Prepare(t, Manifest.Featurizer) })));
        var columns = ThemeIds.All.Select(id => view.Schema[ProbabilityColumn(id)]).ToArray();
        var results = new List<ThemePrediction>(texts.Count);
        using var cursor = view.GetRowCursor(columns);
        var getters = columns.Select(c => cursor.GetGetter<float>(c)).ToArray();
        while (cursor.MoveNext())
        {
            var probabilities = new float[columns.Length];
            var assigned = new List<string>();
            for (int t = 0; t < columns.Length; t++)
            {
                getters[t](ref probabilities[t]);
                if (probabilities[t] >= _thresholds[t])
                {
                    assigned.Add(ThemeIds.All[t]);
                }
            }

            results.Add(new ThemePrediction(probabilities, assigned));
        }

        return results;
    }

    /// <summary>Texts whose features the compiled replica must reproduce before it is used (markers, unknown words, hashtags, non-Latin).</summary>
    private static readonly string[] s_selfCheckTexts =
    [
        string.Empty, "a", "ab", "Open-source Llama runs locally!", "RT @bob: #OpenSourceAI is here https://t.co/x",
        "EU AI Act vote, copyright lawsuit, deepfake; Sora / Runway Gen-2; Azure OpenAI & Bedrock", "jailbreak prompt injection phishing malware",
        "zzqx unknownword qqqq", "ChatGPT ChatGPT chatgpt", "日本語のテキスト ChatGPT", "#GPT4 #AIVideo ai video",
        "Cloud weather, rain; my video vlog; job security", "l'été à Paris 𝗪𝗿𝗶𝘁𝗶𝗻𝗴", "123 456 7B 70B",
    ];

    private CompiledThemeFeaturizer? TryCompile(out string reason)
    {
        var schema = _featurizer.GetOutputSchema(_inputSchema);
        var names = ThemeFeaturizer.ReadSlotNames(schema);
        var compiled = CompiledThemeFeaturizer.TryCreate(names, Manifest.Featurizer, out reason);
        if (compiled is null)
        {
            return null;
        }

        if (CompiledThemeFeaturizer.UsesIdf(Manifest.Featurizer))
        {
            if (_idf is null)
            {
                reason = "TF-IDF model without an IDF table";
                return null;
            }

            compiled.WithIdf(_idf);
        }

        return compiled;
    }

    /// <summary>
    /// The terms whose weight × feature value pushed <paramref name="text"/> towards <paramref name="themeId"/>, largest first.
    /// Word n-grams are reported as they are; char n-gram contributions are credited to the word(s) of the post containing them.
    /// </summary>
    public IReadOnlyList<ThemeTermContribution> Explain(string text, string themeId, int top = 5)
    {
        int t = ThemeIds.IndexOf(themeId);
        if (t < 0)
        {
            throw new ArgumentException($"Unknown theme '{themeId}'.", nameof(themeId));
        }

        string normalized = ThemeFeaturizer.Prepare(text, Manifest.Featurizer);
        var view = _featurizer.Transform(ThemeFeaturizer.ToDataView(_ml, [normalized]));
        _slots ??= ThemeFeaturizer.ReadSlots(view.Schema);
        var row = ThemeFeaturizer.ReadFeatures(view)[0];
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        var terms = new Dictionary<string, (double Sum, bool Word)>(StringComparer.Ordinal);
        var weights = _heads[t].Weights;
        for (int k = 0; k < row.Indices.Length; k++)
        {
            double contribution = weights[row.Indices[k]] * row.Values[k];
            if (contribution == 0)
            {
                continue;
            }

            var slot = _slots[row.Indices[k]];
            if (!slot.IsCharGram)
            {
                Add(slot.Term, contribution, true);
                continue;
            }

            var owners = OwnersOf(slot.Term, words);
            foreach (var owner in owners)
            {
                Add(owner, contribution / owners.Count, false);
            }
        }

        if (Manifest.Featurizer.SplitCjk)
        {
            JoinCjkBigrams(normalized, terms);
        }

        if (Manifest.Featurizer.LexiconTokens)
        {
            CreditMarkersToKeywords(normalized, Manifest.Featurizer.SplitCjk, terms);
        }

        // A bare number ("4" of "GPT-4") or a function word ("des", "de la") explains nothing to a reader.
        return terms.Where(kv => kv.Value.Sum > 0 && kv.Key.Any(char.IsLetter) && !FunctionWords.OnlyFunctionWords(kv.Key))
            .OrderByDescending(kv => kv.Value.Sum)
            .Take(top)
            .Select(kv => new ThemeTermContribution(kv.Key, kv.Value.Sum, kv.Value.Word))
            .ToList();

        void Add(string term, double value, bool word) =>
            terms[term] = terms.TryGetValue(term, out var old) ? (old.Sum + value, old.Word || word) : (value, word);
    }

    /// <summary>
    /// A lexicon marker (<c>kw_security</c>) is not something the post says: what it pushed is credited to the keywords
    /// that set it (漏洩, sécurité), shared equally, and so are the n-grams the marker is part of.
    /// </summary>
    private static void CreditMarkersToKeywords(string normalized, bool splitCjk, Dictionary<string, (double Sum, bool Word)> terms)
    {
        var keywords = ThemeLexicon.Keywords(normalized, splitCjk);
        foreach (var term in terms.Keys.ToList())
        {
            int themes = term.Split(' ').Select(ThemeLexicon.ThemeOfMarker).Where(t => t >= 0).Aggregate(0, (mask, t) => mask | (1 << t));
            if (themes == 0)
            {
                continue;
            }

            var (sum, _) = terms[term];
            terms.Remove(term);
            var credited = keywords.Where(k => (k.Themes & themes) != 0).Select(k => k.Keyword).Distinct(StringComparer.Ordinal).ToList();
            foreach (var keyword in credited)
            {
                terms[keyword] = terms.TryGetValue(keyword, out var old) ? (old.Sum + (sum / credited.Count), true) : (sum / credited.Count, true);
            }
        }
    }

    /// <summary>
    /// With split CJK text every character is a token, so an explanation would list single characters ("禁", "止").
    /// Bigrams of two kanji or katakana that pushed the post up are the units: a character's own contribution is
    /// shared among those around it, and a chain of overlapping ones is shown as one word: 著作 + 作権 + 権法 →
    /// 著作権法 ("copyright law"), at most <see cref="MaxJoinedCjk"/> characters. Terms holding a lone hiragana
    /// (particles and endings such as を, が, し) are grammar, not reasons, and are not shown.
    /// </summary>
    private static void JoinCjkBigrams(string normalized, Dictionary<string, (double Sum, bool Word)> terms)
    {
        static bool IsContentChar(string token) => token.Length == 1 && CjkScript.IsCjk(token[0]) && !CjkScript.IsHiragana(token[0]);
        var tokens = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pushes = new bool[tokens.Length];
        var neighbours = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (int k = 0; k + 1 < tokens.Length; k++)
        {
            string bigram = $"{tokens[k]} {tokens[k + 1]}";
            if (IsContentChar(tokens[k]) && IsContentChar(tokens[k + 1]) && terms.TryGetValue(bigram, out var b) && b.Sum > 0)
            {
                pushes[k] = true;
                foreach (var token in (string[])[tokens[k], tokens[k + 1]])
                {
                    (neighbours.TryGetValue(token, out var list) ? list : neighbours[token] = []).Add(bigram);
                }
            }
        }

        foreach (var (token, bigrams) in neighbours)
        {
            if (terms.TryGetValue(token, out var own) && own.Sum > 0)
            {
                foreach (var bigram in bigrams)
                {
                    terms[bigram] = (terms[bigram].Sum + (own.Sum / bigrams.Count), true);
                }

                terms.Remove(token);
            }
        }

        // Chains of overlapping pushing bigrams → one joined term; each bigram's sum goes to the first chain holding it.
        var joined = new Dictionary<string, double>(StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < tokens.Length;)
        {
            if (!pushes[k])
            {
                k++;
                continue;
            }

            int end = k;
            while (end + 1 < tokens.Length && pushes[end + 1] && end + 2 - k < MaxJoinedCjk)
            {
                end++;
            }

            double sum = 0;
            for (int j = k; j <= end; j++)
            {
                string bigram = $"{tokens[j]} {tokens[j + 1]}";
                if (claimed.Add(bigram))
                {
                    sum += terms[bigram].Sum;
                }
            }

            string word = string.Concat(tokens[k..(end + 2)]);
            joined[word] = joined.GetValueOrDefault(word) + sum;
            k = end + 1;
        }

        foreach (var term in terms.Keys.Where(t => claimed.Contains(t) || t.Split(' ').Any(p => p.Length == 1 && CjkScript.IsHiragana(p[0]))).ToList())
        {
            terms.Remove(term);
        }

        foreach (var (word, sum) in joined)
        {
            terms[word] = terms.TryGetValue(word, out var old) ? (old.Sum + sum, true) : (sum, true);
        }
    }

    private const int MaxJoinedCjk = 8;

    /// <summary>The words a char n-gram was cut from: "^ope" → words starting "ope", "pen " → words ending "pen", "n so" → "…n so…" word pairs.</summary>
    private static List<string> OwnersOf(string gram, string[] words)
    {
        bool atStart = gram.StartsWith('^') || gram.StartsWith(' ');
        bool atEnd = gram.EndsWith('$') || gram.EndsWith(' ');
        string core = gram.Trim('^', '$');
        var owners = new List<string>();
        int space = core.Trim().IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            // Spans a word boundary: credit both sides' words.
            var parts = core.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int w = 0; w + 1 < words.Length; w++)
            {
                if (words[w].EndsWith(parts[0], StringComparison.Ordinal) && words[w + 1].StartsWith(parts[^1], StringComparison.Ordinal))
                {
                    owners.Add(words[w]);
                    owners.Add(words[w + 1]);
                    break;
                }
            }

            return owners;
        }

        string inner = core.Trim();
        foreach (var w in words)
        {
            bool match = (atStart, atEnd) switch
            {
                (true, true) => w == inner,
                (true, false) => w.StartsWith(inner, StringComparison.Ordinal),
                (false, true) => w.EndsWith(inner, StringComparison.Ordinal),
                _ => w.Contains(inner, StringComparison.Ordinal),
            };
            if (match && inner.Length > 0)
            {
                owners.Add(w);
            }
        }

        return owners;
    }
}
