namespace Ooda.Detection.Yara.Internal;

/// <summary>
/// Proves on load that the library matches <see cref="YaraLayout"/>: compiles a rule with tags, metas and two strings,
/// scans a known buffer, and checks every field we read. A mismatch disables YARA instead of reading garbage.
/// </summary>
internal static class YaraSelfCheck
{
    private const string Rule = """
        rule ooda_self_check : first second {
            meta:
                description = "self check"
                score = 42
                flag = true
            strings:
                $private = "never" private
                $a = "needle"
                $b = { 6F 6F 64 61 }
            condition:
                $a and $b and not $private and filename == "probe.bin"
        }
        rule ooda_bare { condition: false }
        """;

    /// <summary>Empty when every field read back as expected; otherwise what differed.</summary>
    public static string Run()
    {
        using var compiled = YaraCompiler.Compile([YaraSource.FromText("self-check", Rule, "ooda")], YaraExternals.None, default);
        if (compiled.Rules is null)
            return "the probe rule did not compile: " + compiled.Files[0].Reason;
        if (compiled.Rules.RuleCount != 2)
            return $"rule count {compiled.Rules.RuleCount}, expected 2";
        if (compiled.Files[0].RuleCount != 2)
            return $"rules per namespace {compiled.Files[0].RuleCount}, expected 2";
        using var scanner = compiled.Rules.CreateScanner();
        var matches = new List<YaraMatch>();
        scanner.Scan("xxneedle-ooda"u8, new YaraExternals(Filename: "probe.bin"), matches);
        if (matches.Count != 1)
            return $"{matches.Count} matches, expected 1";
        var m = matches[0];
        if (m.Rule != "ooda_self_check" || m.Namespace != "ooda")
            return $"rule '{m.Namespace}:{m.Rule}', expected 'ooda:ooda_self_check'";
        if (string.Join(",", m.Tags) != "first,second")
            return $"tags '{string.Join(",", m.Tags)}', expected 'first,second'";
        if (m.Meta.Description != "self check" || m.Meta.Score != 42 || m.Meta.All.Count != 3 || m.Meta.All[2].Value != "true")
            return "meta read back wrong";
        if (m.Strings.Count != 2)
            return $"{m.Strings.Count} string matches, expected 2";
        var (a, b) = (m.Strings[0], m.Strings[1]);
        if (a.Identifier != "$a" || a.Offset != 2 || a.Length != 6 || !a.Data.AsSpan().SequenceEqual("needle"u8))
            return $"string match {a.Identifier}@{a.Offset}+{a.Length}, expected $a@2+6";
        if (b.Identifier != "$b" || b.Offset != 9 || b.Length != 4)
            return $"string match {b.Identifier}@{b.Offset}+{b.Length}, expected $b@9+4";
        return "";
    }
}
