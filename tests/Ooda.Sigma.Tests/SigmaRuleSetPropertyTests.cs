using CsCheck;

namespace Ooda.Sigma.Tests;

public class SigmaRuleSetPropertyTests
{
    private static readonly string[] _fields = ["Image", "CommandLine", "User", "Hashes", "Port", "UtcTime", "Missing", ""];
    private static readonly string[] _modifiers =
    [
        "contains", "startswith", "endswith", "all", "exists", "cased", "neq", "windash", "re", "i", "m", "s", "base64",
        "base64offset", "utf16le", "wide", "utf16be", "utf16", "lt", "lte", "gt", "gte", "minute", "hour", "day", "week",
        "month", "year", "cidr", "expand", "fieldref", "bogus",
    ];

    private static readonly string[] _values = ["'a*b'", "'\\\\*'", "'*'", "'?'", "'(x'", "'10.0.0.0/8'", "1", "true", "null", "''", "'%p%'", "'-x /y'", "'\\\\\\\\'", "'\u00e9\u2013'"];
    private static readonly string[] _conditions = ["sel", "not sel", "sel and f", "sel or not f", "1 of them", "all of s*", "(sel", "sel |", "x of y", "sel and and", "not", "1 of _*"];
    private static readonly string[] _eventValues = ["a-b", "axb", "*", "", "10.1.1.1", "2024-01-02 03:04:05", "0x1f", "YQBiAA==", "a\nb", "\u00c9"];

    private static readonly Gen<string> _rule =
        Gen.Select(
            Pick(_fields),
            Pick(_modifiers).Array[0, 3],
            Pick(_values).Array[1, 3],
            Pick(_fields),
            Pick(_conditions))
        .Select((field, modifiers, values, filterField, condition) =>
            Rules.ProcessCreation(
                $"sel:\n  '{field}{string.Concat(modifiers.Select(m => "|" + m))}': [{string.Join(", ", values)}]\n" +
                $"f:\n  {(filterField.Length == 0 ? "Image" : filterField)}: {values[0]}\ncondition: {condition}"));

    private static readonly Gen<(string, string)[]> _event =
        Gen.Select(Pick(_fields), Pick(_eventValues)).Array[0, 6];

    private static Gen<string> Pick(string[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    [Fact]
    public void Random_rules_and_events_never_throw()
    {
        var options = SigmaCompileOptions.Default with
        {
            Placeholders = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["p"] = ["v1", "v*2"] },
        };
        Gen.Select(_rule, _event).Sample((yaml, fields) =>
        {
            var set = Rules.Compile(yaml, options);
            Assert.Single(set.Verdicts);
            var evidence = Rules.Process([.. fields.Where(f => f.Item1.Length > 0).DistinctBy(f => f.Item1, StringComparer.OrdinalIgnoreCase)]);
            Rules.Run(set, evidence);
        }, iter: 3000, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Random_yaml_text_never_throws()
    {
        Gen.String[0, 200].Sample(text =>
        {
            var set = SigmaRuleSet.Compile(SigmaRuleLoader.LoadText(text, "fuzz.yml"));
            Assert.All(set.Verdicts, v => Assert.True(v.Status == SigmaVerdictStatus.Compiled || v.Error is not null));
        }, iter: 3000, seed: "0N0XIzNsQ0O2");
    }
}
