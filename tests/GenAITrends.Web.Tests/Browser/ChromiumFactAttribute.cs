namespace GenAITrends.Web.Tests.Browser;

/// <summary>A browser test: skipped, with the reason shown, when Debian's chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"Chromium not found at {ExecutablePath}: install it with `apt-get install -y chromium` (scripts/test.sh does) to run the browser tests.";
    }
}
