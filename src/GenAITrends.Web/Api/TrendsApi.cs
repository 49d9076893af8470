using GenAITrends.Core.Analytics;
using GenAITrends.Web.Auth;

namespace GenAITrends.Web.Api;

/// <summary>Chart data: theme share, sentiment and spikes over time (from the rollups).</summary>
public static class TrendsApi
{
    public static RouteGroupBuilder MapTrendsApi(this RouteGroupBuilder api)
    {
        var trends = api.MapGroup("/trends").RequireAuthorization(Policies.Dashboards).WithTags("Trends");

        trends.MapGet("/share", async ([AsParameters] DashboardQuery query, RollupReader rollups, ThemeShare share, CancellationToken ct) =>
        {
            var scope = await query.ResolveAsync(rollups, ct);
            if (!scope.IsValid) return ApiResults.Invalid(scope);
            var r = await share.QueryAsync(scope.Filter, ct);
            if (!query.WantsCsv) return Results.Ok(r);
            var csv = new Csv("bucket", "theme", "label", "count", "share", "total");
            for (int i = 0; i < r.Buckets.Count; i++)
                foreach (var s in r.Series) csv.Row(r.Buckets[i], s.Theme, s.Label, s.Counts[i], s.Share[i], r.Total[i]);
            return csv.ToResult("theme-share.csv");
        })
        .WithSummary("Theme volume and share per time bucket")
        .WithDescription("buckets: ISO dates (first day of each bucket); series: one per theme with counts and share (count / total); total: all posts (or their engagement) per bucket. From the rollups; a post can carry several themes.")
        .Produces<ShareResult>(StatusCodes.Status200OK, "application/json", "text/csv")
        .ProducesValidationProblem();

        trends.MapGet("/sentiment", async ([AsParameters] DashboardQuery query, RollupReader rollups, ThemeSentiment sentiment, CancellationToken ct) =>
        {
            var scope = await query.ResolveAsync(rollups, ct);
            if (!scope.IsValid) return ApiResults.Invalid(scope);
            var r = await sentiment.QueryAsync(scope.Filter, ct);
            if (!query.WantsCsv) return Results.Ok(r);
            var csv = new Csv("bucket", "theme", "label", "mean_sentiment", "scored_posts");
            for (int i = 0; i < r.Buckets.Count; i++)
                foreach (var s in r.Series) csv.Row(r.Buckets[i], s.Theme, s.Label, s.Mean[i], s.Scored[i]);
            return csv.ToResult("theme-sentiment.csv");
        })
        .WithSummary("Mean sentiment per theme per time bucket")
        .WithDescription("series: \"all\" (every post) and one per theme; mean is null where no post of the bucket has a sentiment score. Weighting does not apply.")
        .Produces<SentimentResult>(StatusCodes.Status200OK, "application/json", "text/csv")
        .ProducesValidationProblem();

        api.MapGet("/spikes", async ([AsParameters] DashboardQuery query, RollupReader rollups, SpikeDetector spikes, CancellationToken ct) =>
        {
            var scope = await query.ResolveAsync(rollups, ct);
            if (!scope.IsValid) return ApiResults.Invalid(scope);
            var r = await spikes.QueryAsync(scope.Filter, ct);
            if (!query.WantsCsv) return Results.Ok(r);
            var csv = new Csv("bucket", "theme", "label", "value", "baseline", "ratio");
            foreach (var s in r.Spikes) csv.Row(s.Bucket, s.Theme, s.Label, s.Value, s.Baseline, s.Ratio);
            return csv.ToResult("spikes.csv");
        })
        .RequireAuthorization(Policies.Dashboards).WithTags("Trends")
        .WithSummary("Buckets where a theme's volume jumps above its trailing baseline")
        .WithDescription("Rule: volume ≥ 2 × the mean of the previous 7 days / 4 weeks / 3 months and ≥ 10 (see docs/dashboard.md).")
        .Produces<SpikeResult>(StatusCodes.Status200OK, "application/json", "text/csv")
        .ProducesValidationProblem();

        return api;
    }
}

internal static class ApiResults
{
    public static IResult Invalid(DashboardScope scope) =>
        Results.ValidationProblem(scope.Errors.ToDictionary(e => e.Key, e => e.Value), title: "Invalid query");
}
