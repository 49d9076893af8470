using System.ComponentModel;
using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>Runs one account operation with a UserAccounts over the --db database; refusals print in red and exit 1.</summary>
public abstract class UsersCommandBase<TSettings> : AsyncCommand<TSettings> where TSettings : DbSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken ct)
    {
        using var cli = await CliContext.OpenAsync(settings.Db, ct);
        await using var services = AccountServices.Build(cli);
        await using var scope = services.CreateAsyncScope();
        try
        {
            return await RunAsync(scope.ServiceProvider.GetRequiredService<UserAccounts>(), settings);
        }
        catch (AccountException ex)
        {
            AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(ex.Message)}[/]");
            return 1;
        }
    }

    protected abstract Task<int> RunAsync(UserAccounts accounts, TSettings settings);
}

public sealed class UsersAddCommand : UsersCommandBase<UsersAddCommand.Settings>
{
    public sealed class Settings : DbSettings
    {
        [CommandArgument(0, "<EMAIL>")] public string Email { get; init; } = "";

        [CommandOption("--role <ROLE>")]
        [Description("Admin, Analyst or Manager")]
        public string Role { get; init; } = "";

        [CommandOption("--password-stdin")]
        [Description("Read the password from the first line of standard input (otherwise a strong one is generated and printed once)")]
        public bool PasswordStdin { get; init; }

        public override ValidationResult Validate() =>
            AccountRoles.Normalize(Role) is null
                ? ValidationResult.Error($"--role must be one of {string.Join(", ", AccountRoles.All)}")
                : ValidationResult.Success();
    }

    protected override async Task<int> RunAsync(UserAccounts accounts, Settings s)
    {
        var generated = !s.PasswordStdin;
        var password = s.PasswordStdin ? AccountServices.ReadPasswordFromStdin() : UserAccounts.GeneratePassword();
        var user = await accounts.AddAsync(s.Email, s.Role, password);
        AnsiConsole.MarkupLine($"[green]✓[/] Added {Markup.Escape(user.Email)} as {user.Role}.");
        if (generated)
            Console.Out.WriteLine($"Generated password (shown once): {password}");
        return 0;
    }
}

public sealed class UsersListCommand : UsersCommandBase<DbSettings>
{
    protected override async Task<int> RunAsync(UserAccounts accounts, DbSettings s)
    {
        var list = await accounts.ListAsync();
        if (Console.IsOutputRedirected)
        {
            foreach (var u in list) Console.Out.WriteLine($"{u.Email}\t{u.Role ?? "-"}\t{(u.LockedOut ? "locked" : "active")}");
            return 0;
        }
        var table = new Table().AddColumns("Email", "Role", "State");
        foreach (var u in list)
            table.AddRow(Markup.Escape(u.Email), u.Role ?? "[grey]none[/]", u.LockedOut ? $"[yellow]locked until {u.LockoutEnd:u}[/]" : "active");
        AnsiConsole.Write(table);
        return 0;
    }
}

public sealed class UsersRemoveCommand : UsersCommandBase<UsersRemoveCommand.Settings>
{
    public sealed class Settings : DbSettings
    {
        [CommandArgument(0, "<EMAIL>")] public string Email { get; init; } = "";
    }

    protected override async Task<int> RunAsync(UserAccounts accounts, Settings s)
    {
        await accounts.RemoveAsync(s.Email);
        AnsiConsole.MarkupLine($"[green]✓[/] Removed {Markup.Escape(s.Email)}.");
        return 0;
    }
}

public sealed class UsersSetPasswordCommand : UsersCommandBase<UsersSetPasswordCommand.Settings>
{
    public sealed class Settings : DbSettings
    {
        [CommandArgument(0, "<EMAIL>")] public string Email { get; init; } = "";

        [CommandOption("--password-stdin")]
        [Description("Read the new password from the first line of standard input (required)")]
        public bool PasswordStdin { get; init; }

        public override ValidationResult Validate() =>
            PasswordStdin ? ValidationResult.Success() : ValidationResult.Error("set-password reads the password from standard input: pass --password-stdin");
    }

    protected override async Task<int> RunAsync(UserAccounts accounts, Settings s)
    {
        await accounts.SetPasswordAsync(s.Email, AccountServices.ReadPasswordFromStdin());
        AnsiConsole.MarkupLine($"[green]✓[/] Password of {Markup.Escape(s.Email)} changed; any lockout was lifted.");
        return 0;
    }
}
