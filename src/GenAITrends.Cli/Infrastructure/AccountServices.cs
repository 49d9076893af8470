using GenAITrends.Core.Accounts;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GenAITrends.Cli.Infrastructure;

/// <summary>Identity without the web: a UserManager over the same database and rules as the web app (ADR 001).</summary>
public static class AccountServices
{
    public static ServiceProvider Build(CliContext cli)
    {
        var services = new ServiceCollection();
        services.AddSingleton(cli.LoggerFactory);
        services.AddLogging();
        services.AddDbContext<TrendsDbContext>(o => o.UseSqlite(cli.ConnectionString).AddInterceptors(new SqlitePragmaInterceptor()));
        services.AddIdentityCore<IdentityUser>(AccountRules.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TrendsDbContext>();
        services.AddScoped<UserAccounts>();
        return services.BuildServiceProvider();
    }

    /// <summary>The first line of standard input, for --password-stdin (so a password never shows in the process list or shell history).</summary>
    public static string ReadPasswordFromStdin()
    {
        var line = Console.In.ReadLine();
        if (string.IsNullOrEmpty(line)) throw new AccountException("--password-stdin: standard input was empty.");
        return line.TrimEnd('\r', '\n');
    }
}
