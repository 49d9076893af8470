using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GenAITrends.Web.Pages;

public class PrivacyModel : PageModel
{
    public void OnGet()
    {
    }
}

