namespace GenAITrends.Web.Auth;

public static class Roles
{
    public const string Admin = GenAITrends.Core.Accounts.AccountRoles.Admin;
    public const string Analyst = GenAITrends.Core.Accounts.AccountRoles.Analyst;
    public const string Manager = GenAITrends.Core.Accounts.AccountRoles.Manager;

    public static readonly string[] All = [Admin, Analyst, Manager];
}

/// <summary>
/// Who may do what. Every page and endpoint names one of these (the role-matrix test checks it):
/// dashboards (overview, themes, influencers and the chart data behind them) for every role;
/// posts and the posts API for analysts and admins; PDF snapshots for managers and admins;
/// imports and user management for admins.
/// </summary>
public static class Policies
{
    public const string Dashboards = nameof(Dashboards);
    public const string Posts = nameof(Posts);
    public const string Reports = nameof(Reports);
    public const string Admin = nameof(Admin);

    public static IServiceCollection AddTrendsPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Dashboards, p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Manager))
            .AddPolicy(Posts, p => p.RequireRole(Roles.Admin, Roles.Analyst))
            .AddPolicy(Reports, p => p.RequireRole(Roles.Admin, Roles.Manager))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            // Anything that forgets to say who may see it is closed to the anonymous.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .Services;
}
