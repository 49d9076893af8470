using System.Text;
using GenAITrends.Core.Posts;

namespace GenAITrends.Web.Api;

/// <summary>
/// /css/themes.css: one class per theme carrying its colour from <see cref="Themes.All"/>, so pages never
/// repeat a colour (and need no inline style attributes under the Content-Security-Policy).
/// </summary>
public static class ThemeStyles
{
    private static readonly string Css = Build();

    public static WebApplication MapThemeStyles(this WebApplication app)
    {
        app.MapGet("/css/themes.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(Css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static string Build()
    {
        var sb = new StringBuilder("/* Generated from GenAITrends.Core.Posts.Themes (Okabe–Ito palette). */\n");
        foreach (var t in Themes.All)
        {
            sb.Append($".theme-{t.Id} {{ --theme-colour: {t.Colour}; }}\n");
            sb.Append($".theme-bg-{t.Id} {{ background-color: {t.Colour}; }}\n");
        }
        return sb.ToString();
    }
}
