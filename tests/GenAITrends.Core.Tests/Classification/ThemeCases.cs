using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Tests.Classification;

/// <summary>
/// One hand-written post of Fixtures/theme_cases.csv: a clear example of a theme (kind "clear") or a hard negative
/// that shares words with a theme but is about something else (kind "negative", no theme). <see cref="KnownMiss"/>
/// marks a case the shipped model is known to get wrong: it stays in the fixture and counts against the floors.
/// </summary>
public sealed record ThemeCase(string Id, string Kind, IReadOnlyList<string> Themes, bool KnownMiss, string Text)
{
    public const string FixtureFile = "theme_cases.csv";

    public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Classification", "Fixtures", FixtureFile);

    public bool IsClear => Kind == "clear";

    public bool IsHardNegative => Kind == "negative";

    public static IReadOnlyList<ThemeCase> All { get; } = ShippedModels.ReadFixture("Classification", "Fixtures", FixtureFile)
        .Select(r => new ThemeCase(r["id"], r["kind"], ThemeIds.ParseList(r["themes"]), r["known_miss"] == "yes", r["text"]))
        .ToList();

    public static IReadOnlyList<string> Texts => All.Select(c => c.Text).ToList();

    public override string ToString() => $"{Id} ({Kind} {string.Join(';', Themes)}): {Text}";
}
