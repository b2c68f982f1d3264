using Xunit;

namespace Ooda.Testing;

/// <summary>
/// Finds the team's research notes (<c>../shared/docs/research</c> beside the checkout, or <c>OODA_RESEARCH</c>).
/// Tests read them in place to check our data against them; they are never copied into the repository.
/// </summary>
public static class Research
{
    /// <summary>The path of a research file; skips the test visibly when absent, fails it under CI=true.</summary>
    public static string Require(string fileName)
    {
        var configured = Environment.GetEnvironmentVariable("OODA_RESEARCH");
        var folder = !string.IsNullOrEmpty(configured)
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "docs", "research"));
        var path = Path.Combine(folder, fileName);
        if (File.Exists(path))
            return path;
        if (Corpus.IsCi)
            throw new InvalidOperationException($"CI=true but the research file {path} was not found; research checks must run in CI.");
        throw new SkipException($"research file {path} is not on this machine (set OODA_RESEARCH to its folder to run this test).");
    }
}
