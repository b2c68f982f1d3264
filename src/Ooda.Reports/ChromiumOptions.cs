namespace Ooda.Reports;

/// <summary>How to run headless Chromium: which executable (found when null) and how long one page may take.</summary>
public sealed record ChromiumOptions
{
    /// <summary>The executable; null to look for <c>OODA_CHROMIUM</c>, then <c>chromium</c>, <c>chromium-browser</c>, <c>google-chrome</c> on the PATH.</summary>
    public string? Executable { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Screenshot size in CSS pixels; the default is an A4 page's proportions.</summary>
    public int ScreenshotWidth { get; init; } = 1100;

    public int ScreenshotHeight { get; init; } = 1556;
}
