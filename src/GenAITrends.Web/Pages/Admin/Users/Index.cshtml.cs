using System.ComponentModel.DataAnnotations;
using GenAITrends.Core.Accounts;
using GenAITrends.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GenAITrends.Web.Pages.Admin.Users;

/// <summary>User management: list, add with a role, change role, reset password, remove (never the last admin).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(UserAccounts accounts, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<AccountInfo> Users { get; private set; } = [];

    [TempData] public string? Message { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    [BindProperty] public NewUserInput NewUser { get; set; } = new();

    public sealed class NewUserInput
    {
        [Required, EmailAddress] public string Email { get; set; } = "";
        [Required] public string Role { get; set; } = AccountRoles.Analyst;
        [Required, DataType(DataType.Password)] public string Password { get; set; } = "";
    }

    public async Task OnGetAsync() => Users = await accounts.ListAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!ModelState.IsValid)
        {
            ErrorMessage = "Give an email address, a role and a password.";
            return RedirectToPage();
        }
        return await Run(() => accounts.AddAsync(NewUser.Email, NewUser.Role, NewUser.Password),
            $"Added {NewUser.Email.Trim()} as {AccountRoles.Normalize(NewUser.Role)}.", "add");
    }

    public Task<IActionResult> OnPostRoleAsync(string email, string role) =>
        Run(() => accounts.SetRoleAsync(email, role), $"{email} is now {AccountRoles.Normalize(role)}.", "change the role of");

    public Task<IActionResult> OnPostPasswordAsync(string email, string password) =>
        Run(() => accounts.SetPasswordAsync(email, password ?? ""), $"The password of {email} was reset.", "reset the password of");

    public Task<IActionResult> OnPostRemoveAsync(string email) =>
        Run(() => accounts.RemoveAsync(email), $"Removed {email}.", "remove");

    private async Task<IActionResult> Run(Func<Task> action, string success, string verb)
    {
        try
        {
            await action();
            Message = success;
            logger.LogInformation("{Admin}: {Change}", User.Identity?.Name, success);
        }
        catch (AccountException ex)
        {
            ErrorMessage = $"Could not {verb} the user: {ex.Message}";
        }
        return RedirectToPage();
    }
}
