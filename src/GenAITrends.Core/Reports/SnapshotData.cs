using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Reports;

/// <summary>Everything a snapshot report shows, as plain data: the PDF renderer only lays it out.</summary>
public sealed record SnapshotData
{
    public required SnapshotPeriod Period { get; init; }
    public required SnapshotFilters Filters { get; init; }
    public required DataCoverage Coverage { get; init; }
    public required DateTime GeneratedAtUtc { get; init; }

    /// <summary>The five themes, ordered by share of posts in the period (largest first).</summary>
    public required IReadOnlyList<ThemeSummary> Themes { get; init; }

    /// <summary>Start of each time bucket (granularity of <see cref="Period"/>); the series below have one value per bucket.</summary>
    public required IReadOnlyList<DateOnly> Buckets { get; init; }

    /// <summary>All posts (any theme or none) per bucket.</summary>
    public required IReadOnlyList<long> TotalPerBucket { get; init; }

    /// <summary>Volume, share and mean sentiment per bucket, for each of the five themes.</summary>
    public required IReadOnlyDictionary<Theme, ThemeSeries> Series { get; init; }

    /// <summary>Per-theme details for the theme pages: all five, or only the theme filtered on; in the order of <see cref="Themes"/>.</summary>
    public required IReadOnlyList<ThemeDetail> Details { get; init; }

    public required IReadOnlyList<ModelVersion> Models { get; init; }

    /// <summary>How many posts the text-based parts (rising terms, representative posts) were drawn from.</summary>
    public required TextSample Sample { get; init; }

    /// <summary>Something the reader must know about this snapshot (e.g. an unknown author), or null.</summary>
    public string? Notice { get; init; }

    public bool IsEmpty => Coverage.Posts == 0;
}

/// <summary>The period shown and the previous period of equal length it is compared with (all inclusive, UTC days).</summary>
public sealed record SnapshotPeriod(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, Granularity Granularity)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public string Describe() => From == To ? From.ToString("d MMM yyyy", Formats.Culture) : $"{From.ToString("d MMM yyyy", Formats.Culture)} – {To.ToString("d MMM yyyy", Formats.Culture)}";
}

public sealed record SnapshotFilters(string? Lang, string? Author, Theme? Theme)
{
    public bool Any => Lang is not null || Author is not null || Theme is not null;

    public string Describe()
    {
        var parts = new List<string>();
        if (Lang is not null) parts.Add($"language: {Lang}");
        if (Author is not null) parts.Add($"author: @{Author}");
        if (Theme is not null) parts.Add($"theme: {GenAITrends.Core.Posts.Themes.Get(Theme.Value).Label}");
        return parts.Count == 0 ? "none (all posts)" : string.Join("; ", parts);
    }
}

/// <summary>What the figures are based on: posts and authors in the period under the filters, and the import batches in the database.</summary>
public sealed record DataCoverage(long Posts, long Authors, DateTime? FirstPostUtc, DateTime? LastPostUtc, IReadOnlyList<ImportSource> Batches);

public sealed record ImportSource(long Id, string FileName, DateTime? FinishedAtUtc, long Imported, long Updated, string? Models);

public sealed record ModelVersion(string Name, string Figures);

public sealed record ThemeSummary(
    Theme Theme,
    long Posts,
    double Share,
    long PreviousPosts,
    double? PreviousShare,
    double? MeanSentiment,
    double? PreviousMeanSentiment,
    Spike? Spike)
{
    public ThemeInfo Info => GenAITrends.Core.Posts.Themes.Get(Theme);

    /// <summary>Change of share in percentage points against the previous period; null when that period had no posts.</summary>
    public double? ChangePoints => PreviousShare is null ? null : (Share - PreviousShare.Value) * 100;
}

/// <summary>A day whose volume stood far above the weeks before it.</summary>
public sealed record Spike(DateOnly Day, long Posts, double Baseline);

/// <summary>One value per bucket; sentiment is NaN where no post of the bucket has a sentiment score.</summary>
public sealed record ThemeSeries(IReadOnlyList<long> Volume, IReadOnlyList<double> Share, IReadOnlyList<double> Sentiment);

public sealed record ThemeDetail(
    Theme Theme,
    ThemeSeries Series,
    IReadOnlyList<Influencer> Influencers,
    IReadOnlyList<RisingTerm> RisingTerms,
    bool TermsComparedWithPrevious,
    IReadOnlyList<RepresentativePost> Posts)
{
    public ThemeInfo Info => GenAITrends.Core.Posts.Themes.Get(Theme);
    public IReadOnlyList<long> Volume => Series.Volume;
    public IReadOnlyList<double> Sentiment => Series.Sentiment;
}

public sealed record Influencer(string Handle, string? DisplayName, long? Followers, long Posts, long Engagement);

/// <summary>A term whose frequency grew against the previous period; counts are posts of the sample mentioning it.</summary>
public sealed record RisingTerm(string Term, int Posts, int PreviousPosts, double Growth);

public sealed record RepresentativePost(string AuthorHandle, DateTime CreatedAtUtc, string Text, long Engagement, SentimentLabel? Sentiment);

public sealed record TextSample(long PostsInRange, long Sampled, int Stride);

internal static class Formats
{
    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.InvariantCulture;
}

public interface ISnapshotDataSource
{
    Task<SnapshotData> LoadAsync(SnapshotRequest request, CancellationToken ct = default);
}
