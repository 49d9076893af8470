using Microsoft.Extensions.Logging;

namespace GenAITrends.Core.Accounts;

/// <summary>What the first run needs to know (Seed:AdminEmail, Seed:AdminPassword, …).</summary>
public sealed record FirstRunSettings
{
    public const string DefaultAdminEmail = "admin@genaitrends.local";
    public const string DefaultAnalystEmail = "analyst@genaitrends.local";
    public const string DefaultManagerEmail = "manager@genaitrends.local";

    public string? AdminEmail { get; init; }
    public string? AdminPassword { get; init; }
    public bool DemoAccounts { get; init; }
    public string? AnalystEmail { get; init; }
    public string? AnalystPassword { get; init; }
    public string? ManagerEmail { get; init; }
    public string? ManagerPassword { get; init; }

    /// <summary>Where generated passwords are written (the database's folder).</summary>
    public required string SecretsDirectory { get; init; }
}

/// <summary>
/// Makes sure an admin exists. With no configured password a strong one is generated and written to a
/// file only its owner can read, next to the database; the log names that file, never the password.
/// On a fresh database with sample data, demo analyst and manager accounts are created the same way.
/// </summary>
public static class FirstRunAccounts
{
    public static async Task EnsureAsync(UserAccounts accounts, FirstRunSettings settings, ILogger logger)
    {
        await accounts.EnsureRolesAsync();
        var freshDatabase = !await accounts.AnyUserAsync();

        if (await accounts.CountAdminsAsync() == 0)
        {
            var email = Clean(settings.AdminEmail) ?? FirstRunSettings.DefaultAdminEmail;
            if (await accounts.FindAsync(email) is not null)
            {
                await accounts.SetRoleAsync(email, AccountRoles.Admin);
                logger.LogWarning("No admin existed: the existing user {Email} was made admin", email);
            }
            else
            {
                await CreateAsync(accounts, email, AccountRoles.Admin, settings.AdminPassword, settings, logger);
            }
        }

        if (freshDatabase && settings.DemoAccounts)
        {
            await CreateAsync(accounts, Clean(settings.AnalystEmail) ?? FirstRunSettings.DefaultAnalystEmail, AccountRoles.Analyst, settings.AnalystPassword, settings, logger);
            await CreateAsync(accounts, Clean(settings.ManagerEmail) ?? FirstRunSettings.DefaultManagerEmail, AccountRoles.Manager, settings.ManagerPassword, settings, logger);
        }
    }

    private static async Task CreateAsync(UserAccounts accounts, string email, string role, string? configuredPassword, FirstRunSettings settings, ILogger logger)
    {
        if (await accounts.FindAsync(email) is not null) return;
        if (!string.IsNullOrEmpty(configuredPassword))
        {
            await accounts.AddAsync(email, role, configuredPassword);
            logger.LogInformation("Created the {Role} account {Email} with the configured password", role, email);
            return;
        }
        var password = UserAccounts.GeneratePassword();
        await accounts.AddAsync(email, role, password);
        var file = PasswordFilePath(settings.SecretsDirectory, role);
        await WriteOwnerOnlyAsync(file, $"email: {email}\npassword: {password}\n");
        logger.LogWarning("Created the {Role} account {Email}; its generated password is in {PasswordFile} (readable only by its owner; delete it after the first sign-in)",
            role, email, file);
    }

    public static string PasswordFilePath(string directory, string role) =>
        Path.Combine(directory, $"initial-password-{role.ToLowerInvariant()}.txt");

    /// <summary>Creates (or replaces) a file with mode 600 from the start: there is no moment when others could read it.</summary>
    public static async Task WriteOwnerOnlyAsync(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path)) File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
