using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Reports;
using GenAITrends.Core.Tests.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAITrends.Core.Tests.Reports;

/// <summary>
/// A period with more posts than the text sample takes every stride-th post id (looked up by id when the period
/// holds most posts): the same posts as a direct query. Influencers and the author count of the snapshot equal a
/// grouping over posts (whole months monthly, partial months daily).
/// </summary>
public sealed class SnapshotSampleTests
{
    [Theory]
    [InlineData(null, null)]                       // the whole period
    [InlineData("2024-06-12", "2024-12-20")]       // partial months at both ends
    public async Task Sample_and_influencers_equal_direct_queries(string? from, string? to)
    {
        await using var db = await ImportTestDb.CreateAsync();
        var csv = Path.Combine(db.Folder, "synthetic.csv");
        SyntheticExport.Write(csv, 30_000, seed: 5);
        var imported = await new PostImporter(db.ConnectionString, new KeywordAnnotator(), NullLogger<PostImporter>.Instance, db.Clock)
            .ImportAsync(new ImportRequest(csv), null, default);
        Assert.True(imported.Succeeded, imported.Error);

        var request = new SnapshotRequest { From = from is null ? null : DateOnly.Parse(from), To = to is null ? null : DateOnly.Parse(to) };
        var data = await new RollupSnapshotDataSource(db.ConnectionString).LoadAsync(request);
        var stride = data.Sample.Stride;
        Assert.True(stride > 1);
        int a = Days.From(data.Period.From), z = Days.From(data.Period.To);
        Assert.Equal(db.Scalar($"SELECT count(*) FROM Posts p WHERE p.Day BETWEEN {a} AND {z} AND p.Id % {stride} = 0 AND EXISTS (SELECT 1 FROM PostThemes t WHERE t.PostId = p.Id)"),
            data.Sample.Sampled);
        Assert.Equal(db.Scalar($"SELECT count(DISTINCT AuthorId) FROM Posts WHERE Day BETWEEN {a} AND {z}"), data.Coverage.Authors);

        foreach (var detail in data.Details)
        {
            var top = detail.Influencers.First();
            var best = db.Scalar($"""
                SELECT max(e) FROM (SELECT sum(p.Likes + p.Reposts + p.Replies + p.Quotes) AS e FROM Posts p
                JOIN PostThemes t ON t.PostId = p.Id AND t.Theme = {(int)detail.Theme} WHERE p.Day BETWEEN {a} AND {z} GROUP BY p.AuthorId)
                """);
            Assert.Equal(best, top.Engagement);
        }
    }
}
