using Xunit;

namespace Ooda.Testing;

/// <summary>
/// Finds the shared third-party corpus (<c>../shared/corpus</c> beside the checkout, or <c>OODA_CORPUS</c>).
/// Tests read it in place; it is never copied into the repository.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string?> _root = new(FindRoot);

    /// <summary>The corpus folder, or null when this machine has none.</summary>
    public static string? Root => _root.Value;

    /// <summary>
    /// The path of a corpus file or folder; skips the test with a visible reason when the corpus is absent,
    /// and fails it under CI, where the corpus must be present.
    /// </summary>
    public static string Require(string relativePath)
    {
        var root = Root;
        if (root is null)
        {
            if (IsCi)
                throw new InvalidOperationException("CI=true but ../shared/corpus was not found beside the checkout; corpus tests must run in CI.");
            throw new SkipException("../shared/corpus is not on this machine (set OODA_CORPUS to its folder to run this test).");
        }

        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"corpus item missing: {path}");
        return path;
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("OODA_CORPUS");
        if (!string.IsNullOrEmpty(configured))
            return Directory.Exists(configured) ? configured : null;
        var repo = RepositoryRoot.Find();
        var candidate = Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpus"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
