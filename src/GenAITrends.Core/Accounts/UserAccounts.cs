using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Accounts;

/// <summary>A user as listed by the CLI and the admin page.</summary>
public sealed record AccountInfo(string Id, string Email, string? Role, bool LockedOut, DateTimeOffset? LockoutEnd);

/// <summary>An account operation that was refused (unknown user, weak password, the last admin, …); the message is for people.</summary>
public sealed class AccountException(string message) : Exception(message);

/// <summary>
/// Account operations shared by the CLI and the admin page. Every user has exactly one role; the last
/// admin can be neither removed nor demoted, so the app never locks itself out of administration.
/// </summary>
public sealed class UserAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in AccountRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    public async Task<IReadOnlyList<AccountInfo>> ListAsync()
    {
        var roleOf = new Dictionary<string, string>();
        foreach (var role in AccountRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) continue;
            foreach (var u in await users.GetUsersInRoleAsync(role)) roleOf.TryAdd(u.Id, role);
        }
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        return [.. all.Select(u => new AccountInfo(u.Id, u.Email ?? u.UserName ?? "", roleOf.GetValueOrDefault(u.Id),
            u.LockoutEnd is { } end && end > now, u.LockoutEnd))];
    }

    public async Task<int> CountAdminsAsync() =>
        await roles.RoleExistsAsync(AccountRoles.Admin) ? (await users.GetUsersInRoleAsync(AccountRoles.Admin)).Count : 0;

    public async Task<bool> AnyUserAsync() => await users.Users.AnyAsync();

    public async Task<AccountInfo?> FindAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return null;
        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        return new AccountInfo(user.Id, user.Email ?? "", role, await users.IsLockedOutAsync(user), user.LockoutEnd);
    }

    public async Task<AccountInfo> AddAsync(string email, string role, string password)
    {
        email = email.Trim();
        var canonicalRole = AccountRoles.Normalize(role) ?? throw new AccountException($"Unknown role '{role}': use one of {string.Join(", ", AccountRoles.All)}.");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
            throw new AccountException($"'{email}' is not an email address.");
        if (await users.FindByEmailAsync(email) is not null)
            throw new AccountException($"A user {email} already exists.");
        await EnsureRolesAsync();

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, canonicalRole));
        return (await FindAsync(email))!;
    }

    public async Task RemoveAsync(string email)
    {
        var user = await Require(email);
        if (await users.IsInRoleAsync(user, AccountRoles.Admin) && await CountAdminsAsync() <= 1)
            throw new AccountException($"{user.Email} is the last admin and cannot be removed: make another user admin first.");
        Check(await users.DeleteAsync(user));
    }

    public async Task SetRoleAsync(string email, string role)
    {
        var canonicalRole = AccountRoles.Normalize(role) ?? throw new AccountException($"Unknown role '{role}': use one of {string.Join(", ", AccountRoles.All)}.");
        var user = await Require(email);
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == canonicalRole) return;
        if (current.Contains(AccountRoles.Admin) && await CountAdminsAsync() <= 1)
            throw new AccountException($"{user.Email} is the last admin and must stay admin: make another user admin first.");
        await EnsureRolesAsync();
        if (current.Count > 0) Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, canonicalRole));
        // Signs the user's existing sessions out at their next validation, so the new role takes effect.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task SetPasswordAsync(string email, string password)
    {
        var user = await Require(email);
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var r = await validator.ValidateAsync(users, user, password);
            if (!r.Succeeded) errors.AddRange(r.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0) throw new AccountException(string.Join(" ", errors));
        // Validated above, so adding cannot fail after the old hash is gone (no token provider needed: the CLI has none).
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        // A reset also lifts a lockout: the admin has just vouched for the account.
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    private async Task<IdentityUser> Require(string email) =>
        await users.FindByEmailAsync(email.Trim()) ?? throw new AccountException($"No user {email.Trim()}.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A 24-character password with upper, lower, digit and symbol, from a cryptographic RNG.</summary>
    public static string GeneratePassword(int length = 24)
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "-_.!#%+=";
        const string all = upper + lower + digits + symbols;
        var chars = new char[length];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (int i = 4; i < length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
