using GenAITrends.Core.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace GenAITrends.Core.Posts;

/// <summary>Lets `dotnet ef migrations add` build the context without a host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TrendsDbContext>
{
    public TrendsDbContext CreateDbContext(string[] args) =>
        new(DatabaseInitializer.Options("Data Source=design-time.db"));
}
