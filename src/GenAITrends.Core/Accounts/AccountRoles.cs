using Microsoft.AspNetCore.Identity;

namespace GenAITrends.Core.Accounts;

/// <summary>The three roles. Admins do everything; analysts read dashboards, posts and the read API; managers read dashboards and PDF snapshots.</summary>
public static class AccountRoles
{
    public const string Admin = "Admin";
    public const string Analyst = "Analyst";
    public const string Manager = "Manager";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Manager];

    /// <summary>The canonical spelling of a role name given in any case, or null when it is not a role.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Identity settings shared by the web app and the CLI, so both accept the same passwords.</summary>
public static class AccountRules
{
    public const int MaxFailedAccessAttempts = 5;
    public const int MinPasswordLength = 10;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = MinPasswordLength;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
        o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        o.SignIn.RequireConfirmedAccount = false;
    }
}
