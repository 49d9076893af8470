using GenAITrends.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GenAITrends.Web.Pages;

[Authorize(Policy = Policies.Dashboards)]
public class IndexModel : PageModel
{
    public void OnGet()
    {

    }
}
