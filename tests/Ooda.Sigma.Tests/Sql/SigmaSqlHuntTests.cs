using Ooda.Core;

namespace Ooda.Sigma.Tests.Sql;

public class SigmaSqlHuntTests
{
    private const string Sha = "1111111111111111111111111111111111111111111111111111111111111111";

    /// <summary>
    /// One rule, one event per value: the in-memory evaluator and the SQL hunt must both give <paramref name="expected"/>;
    /// <paramref name="decidedInMemory"/> says whether SQL is allowed to leave the value undecided.
    /// </summary>
    [Theory]
    // plain values: whole-value, case-insensitive
    [InlineData("CommandLine: 'whoami /all'", "WHOAMI /ALL", true, false)]
    [InlineData("CommandLine: 'whoami'", "whoami /all", false, false)]
    [InlineData("CommandLine: ''", "", true, false)]
    [InlineData("CommandLine: 'x'", null, false, false)]
    // wildcards and escapes
    [InlineData("CommandLine: '*\\cmd.exe'", "C:\\Windows\\CMD.exe", true, false)]
    [InlineData("CommandLine: 'a*b*c'", "aXbYc", true, false)]
    [InlineData("CommandLine: 'a*b*c'", "ab", false, false)]
    [InlineData("CommandLine: 'c?d.exe'", "cmd.exe", true, false)]
    [InlineData("CommandLine: 'c?d.exe'", "cmmd.exe", false, false)]
    [InlineData("CommandLine: 'a\\*b'", "a*b", true, false)]
    [InlineData("CommandLine: 'a\\*b'", "axb", false, false)]
    [InlineData("CommandLine: '100%_done*'", "100%_DONE now", true, false)]
    [InlineData("CommandLine: '100%_done*'", "100x_done", false, false)]
    [InlineData("CommandLine: 'a\\\\b*'", "a\\bc", true, false)]
    [InlineData("CommandLine: '?'", "\U0001F600", false, true)]
    [InlineData("CommandLine: '??'", "\U0001F600", true, true)]
    // contains / startswith / endswith / all
    [InlineData("CommandLine|contains: 'Invoke-'", "powershell invoke-expression", true, false)]
    [InlineData("CommandLine|startswith: 'net '", "NET user", true, false)]
    [InlineData("CommandLine|startswith: 'net '", " net user", false, false)]
    [InlineData("CommandLine|endswith: '.ps1'", "run.PS1", true, false)]
    [InlineData("CommandLine|contains|all: ['a', 'b']", "xaxbx", true, false)]
    [InlineData("CommandLine|contains|all: ['a', 'b']", "xaxx", false, false)]
    // cased
    [InlineData("CommandLine|cased: 'CMD'", "CMD", true, false)]
    [InlineData("CommandLine|cased: 'CMD'", "cmd", false, false)]
    [InlineData("CommandLine|contains|cased: 'Ab'", "xxAbxx", true, false)]
    [InlineData("CommandLine|contains|cased: 'Ab'", "xxabxx", false, false)]
    // case folding beyond ASCII: .NET keeps U+0130, DuckDB lowers it; the Kelvin sign lowers to k in both
    [InlineData("CommandLine|contains: 'kmd'", "\u212AMD", true, false)]
    [InlineData("CommandLine|contains: 'i'", "\u0130", false, false)]
    [InlineData("CommandLine|contains: '\u0130x'", "A\u0130X", true, false)]
    [InlineData("CommandLine|contains: '\u1C8A'", "x\u1C89x", true, false)]
    [InlineData("CommandLine: '\u00e9t\u00e9'", "\u00c9T\u00c9", true, false)]
    // windash
    [InlineData("CommandLine|windash|contains: ' -enc '", "powershell /enc x", true, false)]
    [InlineData("CommandLine|windash|contains: ' -enc '", "powershell \u2013enc x", true, false)]
    [InlineData("CommandLine|windash|contains: ' -enc '", "powershell +enc x", false, false)]
    // base64 / base64offset
    [InlineData("CommandLine|base64: 'whoami'", "d2hvYW1p", true, false)]
    [InlineData("CommandLine|base64offset|contains: 'IEX'", "xxSUVYxx", true, false)]
    [InlineData("CommandLine|base64offset|contains: 'IEX'", "xxQUJDxx", false, false)]
    // utf16 (bytes as Latin-1 characters, NUL included)
    [InlineData("CommandLine|utf16le|contains: 'ab'", "xa\0b\0x", true, false)]
    [InlineData("CommandLine|utf16le|contains: 'ab'", "xabx", false, false)]
    [InlineData("CommandLine|utf16le|base64offset|contains: 'cmd'", "YwBtAGQA", true, false)]
    // re (.NET → RE2)
    [InlineData("CommandLine|re: '\\\\[a-z]{3}\\.exe$'", "C:\\x\\cmd.exe", true, false)]
    [InlineData("CommandLine|re: '\\\\[a-z]{3}\\.exe$'", "C:\\x\\CMD.exe", false, false)]
    [InlineData("CommandLine|re: 'a$'", "xa\n", true, true)]
    [InlineData("CommandLine|re|i: 'CMD'", "run cmd", true, false)]
    [InlineData("CommandLine|re|i: 'CMD'", "run c\u00e9d", false, false)]
    [InlineData("CommandLine|re|i: 'KMD'", "run \u212Amd", true, true)]
    [InlineData("CommandLine|re: '\\bcmd\\b'", "\u00e9cmd", false, true)]
    [InlineData("CommandLine|re: '\\bcmd\\b'", "\u2013cmd", true, false)]
    [InlineData("CommandLine|re: '\\d'", "\u0663", true, false)]
    [InlineData("CommandLine|re: 'a\\sb'", "a\u00a0b", true, false)]
    [InlineData("CommandLine|re: '\\d+\\s\\w'", "12 x", true, false)]
    [InlineData("CommandLine|re: '\\d+\\s\\w'", "12\u000bx", true, false)]
    [InlineData("CommandLine|re: '^a.c$'", "a\U0001F600c", false, true)]
    [InlineData("CommandLine|re: '(?i)^a(b|c)+d'", "ABCBD", true, false)]
    [InlineData("CommandLine|re: 'x(?=y)'", "xy", true, true)]
    [InlineData("CommandLine|re|m: '^b$'", "a\nb\nc", true, false)]
    [InlineData("CommandLine|re|m: '^b$'", "a\nb\n", true, true)]
    [InlineData("CommandLine|re|s: 'a.b'", "a\nb", true, false)]
    [InlineData("CommandLine|re: 'a.b'", "a\nb", false, false)]
    // cidr
    [InlineData("DestinationIp|cidr: '10.0.0.0/8'", "10.1.2.3", true, false)]
    [InlineData("DestinationIp|cidr: '10.0.0.0/8'", "11.1.2.3", false, false)]
    [InlineData("DestinationIp|cidr: '10.0.0.0/8'", "::ffff:10.1.2.3", true, false)]
    [InlineData("DestinationIp|cidr: '10.0.0.0/8'", "010.1.2.3", false, true)]
    [InlineData("DestinationIp|cidr: '10.0.0.0/8'", "fe80::1", false, false)]
    [InlineData("DestinationIp|cidr: '10.0.0.0/8'", "::ffff:a01:203", true, true)]
    [InlineData("DestinationIp|cidr: '192.168.1.128/25'", "192.168.1.255", true, false)]
    [InlineData("DestinationIp|cidr: '192.168.1.128/25'", "192.168.1.127", false, false)]
    [InlineData("DestinationIp|cidr: 'fe80::/10'", "fe80::1", true, true)]
    [InlineData("DestinationIp|cidr: 'fe80::/10'", "10.0.0.1", false, false)]
    // numeric
    [InlineData("DestinationPort|gt: 1024", "4444", true, false)]
    [InlineData("DestinationPort|gt: 1024", "1024", false, false)]
    [InlineData("DestinationPort|gte: 1024", "1024.0", true, false)]
    [InlineData("DestinationPort|lt: 10", "-5e1", true, false)]
    [InlineData("DestinationPort|lt: 10", "0x5", true, true)]
    [InlineData("DestinationPort|lt: 10", "five", false, true)]
    [InlineData("DestinationPort|lte: 10", "1_0", false, true)]
    // exists, null, neq, fieldref
    [InlineData("CommandLine|exists: true", "", true, false)]
    [InlineData("CommandLine|exists: true", null, false, false)]
    [InlineData("CommandLine|exists: false", null, true, false)]
    [InlineData("CommandLine: null", null, true, false)]
    [InlineData("CommandLine: null", "", false, false)]
    [InlineData("CommandLine|neq: 'x'", "y", true, false)]
    [InlineData("CommandLine|neq: 'x'", "X", false, false)]
    [InlineData("CommandLine|neq: 'x'", null, false, false)]
    [InlineData("CommandLine|fieldref: Image", "C:\\A.EXE", true, false)]
    [InlineData("CommandLine|fieldref|cased: Image", "C:\\A.EXE", false, false)]
    [InlineData("CommandLine|fieldref: Image", "C:\\b.exe", false, false)]
    // time modifiers are decided in memory
    [InlineData("UtcTime|hour: 12", "2021-03-03 12:00:00", true, true)]
    [InlineData("UtcTime|hour: 13", "2021-03-03 12:00:00", false, true)]
    // hostile text in rules and values
    [InlineData("CommandLine|contains: \"'); DROP TABLE event_rows; --\"", "x'); DROP TABLE event_rows; --x", true, false)]
    [InlineData("CommandLine|contains: \"'\"", "it's", true, false)]
    [InlineData("CommandLine|contains: \"\\0\"", "a\0b", true, false)]
    [InlineData("CommandLine: \"$$x$$\"", "$$X$$", true, false)]
    public void A_modifier_decides_the_same_in_sql_as_in_memory(string detection, string? value, bool expected, bool decidedInMemory)
    {
        var fields = new List<(string, string)> { ("Image", "c:\\a.exe"), ("UtcTime", "2021-03-03 12:00:00") };
        var name = detection[..detection.IndexOfAny(['|', ':'])];
        if (value is not null)
            fields.Add((name, value));
        var rules = Rules.Compile(Rules.ProcessCreation("sel:\n  " + detection + "\ncondition: sel"));
        Assert.Equal(SigmaVerdictStatus.Compiled, rules.Verdicts.Single().Status);
        var evidence = Stored(Rules.Process([.. fields.Where(f => f.Item1 != name || value is not null).GroupBy(f => f.Item1).Select(g => g.Last())]), 1);

        using var harness = new SqlHuntHarness([evidence]);
        var memory = harness.InMemory(rules, out _);
        var sql = harness.Sql(rules, out var hunt);
        Assert.Equal(expected, memory.Count == 1);
        Assert.Equal(memory, sql);
        if (!decidedInMemory)
            Assert.Equal(0, hunt.DecidedInMemory);
        else
            Assert.True(hunt.DecidedInMemory > 0, "expected SQL to leave this value undecided: " + hunt.Plan.Sql(rules.Rules[0].Rule));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a~1b")]
    [InlineData("q\"x")]
    [InlineData("it's")]
    [InlineData("b\\s")]
    [InlineData("sp ace")]
    [InlineData("\u00dcn\u00ef")]
    [InlineData("$.x")]
    [InlineData("x'); DROP TABLE event_rows; --")]
    public void Field_names_of_any_spelling_are_read_exactly(string name)
    {
        var key = "'" + (name + "|contains").Replace("'", "''", StringComparison.Ordinal) + "'";
        var rules = Rules.Compile(Rules.ProcessCreation($"sel:\n  {key}: 'evil'\ncondition: sel"));
        Assert.True(rules.Verdicts.Single().Status == SigmaVerdictStatus.Compiled, rules.Verdicts.Single().Error?.ToString());
        var events = new[]
        {
            Stored(Rules.Process((name, "an EVIL value")), 1),
            Stored(Rules.Process((name.ToUpperInvariant(), "evil too")), 2),
            Stored(Rules.Process((name, "benign")), 3),
            Stored(Rules.Process((name + "x", "evil elsewhere")), 4),
        };

        using var harness = new SqlHuntHarness(events);
        var memory = harness.InMemory(rules, out _);
        var sql = harness.Sql(rules, out var hunt);
        Assert.Equal(2, memory.Count);
        Assert.Equal(memory, sql);
        Assert.Equal(0, hunt.DecidedInMemory);
        Assert.Equal(4, harness.Workspace.Stats().Events);
    }

    /// <summary>An event as stored: its own file per line, so every event has a distinct provenance.</summary>
    internal static EvidenceEvent Stored(EvidenceEvent evidence, int line) =>
        evidence with { Provenance = new Provenance("test.jsonl", Sha, -1, line) };
}
