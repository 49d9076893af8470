using GenAITrends.Core.Analytics;
using GenAITrends.Web.Auth;

namespace GenAITrends.Web.Api;

public static class InfluencersApi
{
    public static RouteGroupBuilder MapInfluencersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/influencers", async ([AsParameters] DashboardQuery query, string? sort, int? limit,
            RollupReader rollups, InfluencerBoard board, CancellationToken ct) =>
        {
            var scope = await query.ResolveAsync(rollups, ct);
            var errors = scope.Errors.ToDictionary(e => e.Key, e => e.Value);
            var order = InfluencerSort.Posts;
            if (!string.IsNullOrWhiteSpace(sort) && (!Enum.TryParse(sort, true, out order) || !Enum.IsDefined(order)))
                errors["sort"] = ["sort must be posts or engagement."];
            if (limit is < 1 or > InfluencerBoard.MaxLimit) errors["limit"] = [$"limit must be between 1 and {InfluencerBoard.MaxLimit}."];
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query");

            var r = await board.QueryAsync(scope.Filter, order, limit ?? 10, ct);
            if (!query.WantsCsv) return Results.Ok(r);
            var csv = new Csv("rank", "handle", "display_name", "followers", "posts", "engagement", "share_of_voice", "mean_sentiment");
            foreach (var a in r.Authors) csv.Row(a.Rank, a.Handle, a.DisplayName, a.Followers, a.Posts, a.Engagement, a.ShareOfVoice, a.MeanSentiment);
            return csv.ToResult($"influencers-{r.Theme}.csv");
        })
        .RequireAuthorization(Policies.Dashboards).WithTags("Influencers")
        .WithSummary("Leaderboard of authors for one theme (or all posts)")
        .WithDescription("sort: posts|engagement (default posts); limit 1–100 (default 10). shareOfVoice is the author's part of the theme's posts (or engagement with weighting=engagement). From AuthorDailyRollups; lang does not apply.")
        .Produces<InfluencerResult>(StatusCodes.Status200OK, "application/json", "text/csv")
        .ProducesValidationProblem();
        return api;
    }
}
