using Xunit;

namespace Ooda.Testing;

/// <summary>
/// Finds Debian's headless Chromium (<c>OODA_CHROMIUM</c>, else <c>chromium</c> on the PATH) for the tests that render
/// reports and drive the console in a real browser.
/// </summary>
public static class Chromium
{
    private static readonly Lazy<string?> _path = new(Find);

    /// <summary>The executable, or null when this machine has none.</summary>
    public static string? Path => _path.Value;

    /// <summary>The executable; skips the test with a visible reason when Chromium is missing, and fails it under CI, where `./ooda.sh test` installs it.</summary>
    public static string Require()
    {
        var path = Path;
        if (path is not null)
            return path;
        if (Corpus.IsCi)
            throw new InvalidOperationException("CI=true but chromium was not found; `./ooda.sh test` installs Debian's chromium package.");
        throw new SkipException("chromium is not installed (apt-get install chromium, or set OODA_CHROMIUM to its executable).");
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("OODA_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured) ? configured : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in (string[])["chromium", "chromium-browser"])
            {
                var candidate = System.IO.Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }

        return null;
    }
}
