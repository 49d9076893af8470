using GenAITrends.Core.Accounts;
using GenAITrends.Core.Storage;
using GenAITrends.Web.Infrastructure;

namespace GenAITrends.Web.Auth;

public static class AccountSeeding
{
    /// <summary>
    /// First run: creates the admin (Seed:AdminEmail / Seed:AdminPassword, or a generated password in a
    /// chmod-600 file next to the database) and, when the sample corpus was just seeded, demo analyst and manager accounts.
    /// </summary>
    public static async Task SeedTrendsAccountsAsync(this WebApplication app, bool sampleDataSeeded)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var config = app.Configuration;
        var db = scope.ServiceProvider.GetRequiredService<TrendsDatabase>();
        var settings = new FirstRunSettings
        {
            AdminEmail = config["Seed:AdminEmail"],
            AdminPassword = config["Seed:AdminPassword"],
            DemoAccounts = sampleDataSeeded,
            AnalystEmail = config["Seed:AnalystEmail"],
            AnalystPassword = config["Seed:AnalystPassword"],
            ManagerEmail = config["Seed:ManagerEmail"],
            ManagerPassword = config["Seed:ManagerPassword"],
            SecretsDirectory = Path.GetDirectoryName(DatabaseLocation.DataSourcePath(db.ConnectionString))!,
        };
        await FirstRunAccounts.EnsureAsync(scope.ServiceProvider.GetRequiredService<UserAccounts>(), settings,
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GenAITrends.Accounts"));
    }
}
