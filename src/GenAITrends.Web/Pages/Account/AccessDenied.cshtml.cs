using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GenAITrends.Web.Pages.Account;

/// <summary>Shown (with status 403) when a signed-in user opens a page their role does not allow.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;

    // Re-executed for a refused POST too: answer it the same way.
    public void OnPost() => OnGet();
}
