using System.ComponentModel.DataAnnotations;
using GenAITrends.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GenAITrends.Web.Pages.Account;

/// <summary>Sign-in form (Identity UI field names: Input.Email, Input.Password); rate-limited per address, locks an account after 5 failures.</summary>
[AllowAnonymous]
[EnableRateLimiting(IdentitySetup.LoginRateLimitPolicy)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required, EmailAddress, Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", Input.Email);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for {Email}: the account is locked out", Input.Email);
            ModelState.AddModelError(string.Empty, "This account is locked after too many failed attempts. Try again in 15 minutes or ask an admin to reset the password.");
            return Page();
        }
        logger.LogWarning("Failed sign-in for {Email}", Input.Email);
        ModelState.AddModelError(string.Empty, "Wrong email or password.");
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
