using Ooda.Detection.Yara;
using Ooda.Testing;

namespace Ooda.Detection.Tests.Yara.Support;

/// <summary>Gates tests on libyara: skipped visibly without it, failed under CI where ooda.sh installs libyara9.</summary>
internal static class YaraTest
{
    public static void RequireLibrary()
    {
        if (YaraEngine.IsAvailable)
            return;
        if (Corpus.IsCi)
            throw new InvalidOperationException("CI=true but YARA is unavailable: " + YaraEngine.UnavailableReason);
        throw new SkipException("YARA tests skipped: " + YaraEngine.UnavailableReason);
    }

    /// <summary>Compiles inline rules that must compile, and returns the rules.</summary>
    public static YaraRules Compile(string rules, string ruleNamespace = "test")
    {
        RequireLibrary();
        var result = YaraCompiler.CompileSources([YaraSource.FromText("inline.yar", rules, ruleNamespace)], YaraExternals.None);
        var verdict = result.Files.Single();
        Assert.True(verdict.Status == YaraFileStatus.Compiled, verdict.Reason);
        return result.Rules!;
    }

    public static List<YaraMatch> Scan(YaraRules rules, ReadOnlySpan<byte> data, YaraExternals? externals = null, YaraScanOptions? options = null)
    {
        using var scanner = rules.CreateScanner(options);
        var matches = new List<YaraMatch>();
        Assert.Equal(YaraScanStatus.Completed, scanner.Scan(data, externals ?? YaraExternals.None, matches));
        return matches;
    }
}
