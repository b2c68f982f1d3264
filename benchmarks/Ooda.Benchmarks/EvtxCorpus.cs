namespace Ooda.Benchmarks;

/// <summary>Finds the shared third-party corpus: <c>OODA_CORPUS</c>, else a <c>shared/corpus</c> folder beside an ancestor of this program.</summary>
internal static class EvtxCorpus
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("OODA_CORPUS") is { Length: > 0 } configured)
            return Directory.Exists(configured) ? configured : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
