namespace Ooda.Sigma.Tests;

public class ValueModifierTests
{
    [Theory]
    // plain values: whole-value, case-insensitive equality
    [InlineData("Image: 'C:\\Windows\\System32\\cmd.exe'", "C:\\WINDOWS\\system32\\CMD.EXE", true)]
    [InlineData("Image: 'cmd.exe'", "C:\\Windows\\System32\\cmd.exe", false)]
    [InlineData("Image: ''", "", true)]
    [InlineData("Image: ''", "x", false)]
    // wildcards
    [InlineData("Image: '*\\cmd.exe'", "C:\\Windows\\cmd.exe", true)]
    [InlineData("Image: 'C:\\*'", "C:\\x", false)]
    [InlineData("Image: 'C:\\*'", "C:*", true)]
    [InlineData("Image: 'C:\\\\*'", "C:\\x", true)]
    [InlineData("Image: '*sys*32*'", "C:\\Windows\\System32\\x", true)]
    [InlineData("Image: 'c?d.exe'", "cmd.exe", true)]
    [InlineData("Image: 'c?d.exe'", "cmmd.exe", false)]
    [InlineData("Image: '*a?c*'", "xxabcxx", true)]
    [InlineData("Image: 'a*b*c'", "abc", true)]
    [InlineData("Image: 'a*b*c'", "ab", false)]
    [InlineData("Image: 'ab*bc'", "abc", false)]
    [InlineData("Image: '*'", "anything", true)]
    // escaping: \* and \? literal, \\ a backslash, a lone \ plain
    [InlineData("Image: 'a\\*b'", "a*b", true)]
    [InlineData("Image: 'a\\*b'", "axb", false)]
    [InlineData("Image: 'a\\?b'", "a?b", true)]
    [InlineData("Image: 'a\\?b'", "axb", false)]
    [InlineData("Image: 'a\\\\*'", "a\\xyz", true)]
    [InlineData("Image: 'a\\\\\\*'", "a\\*", true)]
    [InlineData("Image: 'a\\\\\\*'", "a\\x", false)]
    [InlineData("Image: 'a\\\\\\\\'", "a\\\\", true)]
    [InlineData("Image: 'a\\\\\\'", "a\\\\", true)]
    [InlineData("Image: 'C:\\Windows\\x'", "c:\\windows\\x", true)]
    // contains / startswith / endswith
    [InlineData("Image|contains: 'System32'", "C:\\Windows\\system32\\x", true)]
    [InlineData("Image|startswith: 'C:\\Windows'", "C:\\Windows\\x", true)]
    [InlineData("Image|startswith: 'Windows'", "C:\\Windows\\x", false)]
    [InlineData("Image|endswith: '.exe'", "x.EXE", true)]
    [InlineData("Image|endswith: '.exe'", "x.exe.txt", false)]
    [InlineData("Image|contains: '*'", "x", true)]
    // cased
    [InlineData("Image|cased: 'CMD.exe'", "CMD.exe", true)]
    [InlineData("Image|cased: 'CMD.exe'", "cmd.exe", false)]
    [InlineData("Image|contains|cased: 'CMD'", "xcmdx", false)]
    public void String_values_follow_the_spec(string detection, string value, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  " + detection + "\ncondition: sel", ("Image", value)));

    [Theory]
    [InlineData("CommandLine|contains|all: ['a', 'b']", "xaxbx", true)]
    [InlineData("CommandLine|contains|all: ['a', 'b']", "xaxx", false)]
    [InlineData("CommandLine|contains: ['a', 'b']", "xaxx", true)]
    [InlineData("CommandLine|contains: ['q', 'z']", "xaxx", false)]
    public void Lists_are_or_unless_all(string detection, string value, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  " + detection + "\ncondition: sel", ("CommandLine", value)));

    [Theory]
    [InlineData("-f", true)]
    [InlineData("/f", true)]
    [InlineData("\u2013f", true)]
    [InlineData("\u2014f", true)]
    [InlineData("\u2015f", true)]
    [InlineData("+f", false)]
    public void Windash_accepts_every_dash(string flag, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  CommandLine|windash|contains: ' -f '\ncondition: sel", ("CommandLine", $"tool.exe {flag} x")));

    [Fact]
    public void Windash_leaves_inner_dashes_alone()
    {
        // "\B[-/]\b": only a dash that starts a word is an option dash; x-y is not permuted.
        Assert.True(Rules.Fires("sel:\n  CommandLine|windash|contains: 'x-y'\ncondition: sel", ("CommandLine", "x-y")));
        Assert.False(Rules.Fires("sel:\n  CommandLine|windash|contains: 'x-y'\ncondition: sel", ("CommandLine", "x/y")));
    }

    [Theory]
    // base64('ping') = cGluZw==
    [InlineData("CommandLine|base64: 'ping'", "cGluZw==", true)]
    [InlineData("CommandLine|base64|contains: 'ping'", "xx cGluZw== yy", true)]
    // base64offset: the spec's example values for 'http://' at the three offsets
    [InlineData("CommandLine|base64offset|contains: 'http://'", "aHR0cDovL", true)]
    [InlineData("CommandLine|base64offset|contains: 'http://'", "h0dHA6Ly", true)]
    [InlineData("CommandLine|base64offset|contains: 'http://'", "odHRwOi8v", true)]
    [InlineData("CommandLine|base64offset|contains: 'http://'", "bm90aGluZw", false)]
    // utf16le + base64offset: 'ping' as UTF-16LE inside a -EncodedCommand blob
    [InlineData("CommandLine|wide|base64offset|contains: 'ping'", "powershell -enc cABpAG4AZwA=", true)]
    [InlineData("CommandLine|utf16le|base64: 'ab'", "YQBiAA==", true)]
    [InlineData("CommandLine|utf16be|base64: 'ab'", "AGEAYg==", true)]
    [InlineData("CommandLine|utf16|base64: 'ab'", "//5hAGIA", true)]
    public void Encoding_modifiers_apply_left_to_right(string detection, string value, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  " + detection + "\ncondition: sel", ("CommandLine", value)));

    [Theory]
    [InlineData("CommandLine|re: 'a.c'", "xabcx", true)]
    [InlineData("CommandLine|re: '^a.c$'", "xabcx", false)]
    [InlineData("CommandLine|re: 'ABC'", "abc", false)]
    [InlineData("CommandLine|re|i: 'ABC'", "abc", true)]
    [InlineData("CommandLine|re: '^b$'", "a\nb", false)]
    [InlineData("CommandLine|re|m: '^b$'", "a\nb", true)]
    [InlineData("CommandLine|re: 'a.b'", "a\nb", false)]
    [InlineData("CommandLine|re|s: 'a.b'", "a\nb", true)]
    [InlineData("CommandLine|re: '\\\\x\\\\'", "C:\\x\\y", true)]
    public void Regex_is_case_sensitive_by_default_with_i_m_s(string detection, string value, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  " + detection + "\ncondition: sel", ("CommandLine", value)));

    [Theory]
    [InlineData("DestinationIp|cidr: '10.0.0.0/8'", "10.1.2.3", true)]
    [InlineData("DestinationIp|cidr: '10.0.0.0/8'", "11.1.2.3", false)]
    [InlineData("DestinationIp|cidr: ['192.168.0.0/16', '127.0.0.0/8']", "127.0.0.1", true)]
    [InlineData("DestinationIp|cidr: 'fe80::/10'", "fe80::1", true)]
    [InlineData("DestinationIp|cidr: 'fe80::/10'", "2001:db8::1", false)]
    [InlineData("DestinationIp|cidr: '10.0.0.0/8'", "not an ip", false)]
    public void Cidr_matches_v4_and_v6(string detection, string value, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  " + detection + "\ncondition: sel", ("DestinationIp", value)));

    [Theory]
    [InlineData("Port|gt: 1000", "1001", true)]
    [InlineData("Port|gt: 1000", "1000", false)]
    [InlineData("Port|gte: 1000", "1000", true)]
    [InlineData("Port|lt: 1000", "999", true)]
    [InlineData("Port|lte: 1000", "1001", false)]
    [InlineData("Port|lt: 1000", "0x10", true)]
    [InlineData("Port|lt: 1000", "abc", false)]
    [InlineData("Port|neq: 80", "443", true)]
    [InlineData("Port|neq: 80", "80", false)]
    [InlineData("Port|neq: [80, 443]", "443", false)]
    [InlineData("Port|neq: [80, 443]", "22", true)]
    public void Numeric_and_neq_modifiers_compare_values(string detection, string value, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  " + detection + "\ncondition: sel", ("Port", value)));

    [Theory]
    [InlineData("UtcTime|hour: 13", "2024-05-06 13:14:15.000", true)]
    [InlineData("UtcTime|hour: 12", "2024-05-06 13:14:15.000", false)]
    [InlineData("UtcTime|minute: 14", "2024-05-06 13:14:15.000", true)]
    [InlineData("UtcTime|day: 6", "2024-05-06 13:14:15.000", true)]
    [InlineData("UtcTime|month: 5", "2024-05-06T13:14:15Z", true)]
    [InlineData("UtcTime|year: 2024", "2024-05-06T13:14:15+05:00", true)]
    [InlineData("UtcTime|hour: 13", "2024-05-06T13:14:15+05:00", true)]
    [InlineData("UtcTime|week: 19", "2024-05-06 13:14:15", true)]
    [InlineData("UtcTime|hour: 13", "yesterday", false)]
    public void Time_modifiers_read_the_value_as_written(string detection, string value, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  " + detection + "\ncondition: sel", ("UtcTime", value)));

    [Theory]
    [InlineData("ParentUser|fieldref: User", "CORP\\alice", "corp\\ALICE", true)]
    [InlineData("ParentUser|fieldref: User", "CORP\\alice", "CORP\\bob", false)]
    [InlineData("ParentUser|fieldref|neq: User", "CORP\\alice", "CORP\\bob", true)]
    [InlineData("ParentUser|fieldref|neq: User", "CORP\\alice", "CORP\\alice", false)]
    public void Fieldref_compares_two_fields(string detection, string left, string right, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  " + detection + "\ncondition: sel", ("ParentUser", left), ("User", right)));

    [Theory]
    [InlineData("Hashes|exists: true", true)]
    [InlineData("Hashes|exists: false", false)]
    [InlineData("Missing|exists: false", true)]
    [InlineData("Missing|exists: true", false)]
    [InlineData("Missing: null", true)]
    [InlineData("Hashes: null", false)]
    [InlineData("Empty: null", false)]
    [InlineData("Empty: ''", true)]
    [InlineData("Missing: ''", false)]
    public void Exists_and_null_test_presence(string detection, bool expected) =>
        Assert.Equal(expected, Rules.Fires("sel:\n  " + detection + "\ncondition: sel", ("Hashes", "SHA1=0"), ("Empty", "")));

    [Fact]
    public void Not_null_is_a_negated_selection() =>
        Assert.True(Rules.Fires("sel:\n  Image|endswith: '.exe'\nfilter:\n  Hashes: null\ncondition: sel and not filter", ("Image", "a.exe"), ("Hashes", "x")));

    [Fact]
    public void Expand_uses_configured_placeholder_values()
    {
        var options = SigmaCompileOptions.Default with
        {
            Placeholders = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["Admins"] = ["alice", "bob*"] },
        };
        var set = Rules.Compile(Rules.ProcessCreation("sel:\n  User|expand: 'CORP\\%Admins%'\ncondition: sel"), options);
        Assert.Equal(SigmaVerdictStatus.Compiled, set.Verdicts.Single().Status);
        Assert.Single(Rules.Run(set, Rules.Process(("User", "CORP\\alice"))));
        Assert.Single(Rules.Run(set, Rules.Process(("User", "CORP\\bobby"))));
        Assert.Empty(Rules.Run(set, Rules.Process(("User", "CORP\\carol"))));
    }

    [Fact]
    public void Expand_rejects_a_rule_whose_placeholder_is_not_configured()
    {
        var verdict = Rules.Verdict("sel:\n  User|expand: '%Admins%'\ncondition: sel");
        Assert.Equal(SigmaVerdictStatus.Rejected, verdict.Status);
        Assert.Equal("placeholder-unconfigured", verdict.Error!.Reason);
        Assert.Contains("%Admins%", verdict.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Image|foo: x", "unknown-modifier")]
    [InlineData("Image|contains|all: x", "modifier-value")]
    [InlineData("Image|re: '(unclosed'", "regex")]
    [InlineData("Image|cidr: 'nonsense'", "modifier-value")]
    [InlineData("Image|gt: abc", "modifier-value")]
    [InlineData("Image|exists: maybe", "modifier-value")]
    [InlineData("Image|i: x", "modifier-value")]
    [InlineData("Image|base64: 'a*'", "modifier-value")]
    [InlineData("Image|contains: null", "modifier-value")]
    public void Invalid_modifier_use_is_rejected_with_its_reason(string detection, string reason)
    {
        var verdict = Rules.Verdict("sel:\n  " + detection + "\ncondition: sel");
        Assert.Equal(SigmaVerdictStatus.Rejected, verdict.Status);
        Assert.Equal(reason, verdict.Error!.Reason);
    }
}
