namespace GenAITrends.Web.Tests.Infrastructure;

/// <summary>One app per test class, with Fixtures/dashboard-fixture.csv imported (see the figures in DashboardApiTests).</summary>
public sealed class SeededDashboardApp : IAsyncLifetime
{
    public DashboardApp App { get; } = new();

    public async Task InitializeAsync() => await App.ImportAsync("dashboard-fixture.csv");

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
