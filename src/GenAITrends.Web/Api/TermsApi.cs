using GenAITrends.Core.Analytics;
using GenAITrends.Web.Auth;

namespace GenAITrends.Web.Api;

public static class TermsApi
{
    public static RouteGroupBuilder MapTermsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/terms/rising", async ([AsParameters] DashboardQuery query, int? limit,
            RollupReader rollups, RisingTerms terms, CancellationToken ct) =>
        {
            var scope = await query.ResolveAsync(rollups, ct);
            var errors = scope.Errors.ToDictionary(e => e.Key, e => e.Value);
            if (limit is < 1 or > 100) errors["limit"] = ["limit must be between 1 and 100."];
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query");

            var r = await terms.QueryAsync(scope.Filter, limit ?? 20, ct);
            if (!query.WantsCsv) return Results.Ok(r);
            var csv = new Csv("kind", "term", "current", "previous", "current_rate", "previous_rate", "lift", "baseline");
            var baseline = r.Baseline == TermBaseline.OtherPosts ? "other_posts" : "previous_period";
            foreach (var t in r.Terms.Concat(r.Hashtags))
                csv.Row(t.Kind.ToString().ToLowerInvariant(), t.Term, t.Current, t.Previous, t.CurrentRate, t.PreviousRate, t.Lift, baseline);
            return csv.ToResult($"rising-terms-{r.Theme}.csv");
        })
        .RequireAuthorization(Policies.Dashboards).WithTags("Terms")
        .WithSummary("Terms and hashtags rising against the previous period of equal length")
        .WithDescription("Document frequency in each period (newest 5,000 matching posts per period at most; sampled says when that cap was hit) and lift = smoothed rate now / rate before. When a theme has no posts in the previous period, baseline is otherPosts: the 'previous' figures are then the period's posts outside the theme, and the terms are those distinctive of the theme. limit 1–100 (default 20) per list.")
        .Produces<RisingTermsResult>(StatusCodes.Status200OK, "application/json", "text/csv")
        .ProducesValidationProblem();
        return api;
    }
}
