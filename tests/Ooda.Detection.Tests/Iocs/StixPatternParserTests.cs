using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Tests.Iocs;

public sealed class StixPatternParserTests
{
    [Theory]
    [InlineData("[file:hashes.'SHA-256' = 'ab']", "file:hashes.SHA-256 = ab")]
    [InlineData("[file:hashes.MD5 = 'a' OR file:name = 'b']", "file:hashes.MD5 = a | file:name = b")]
    [InlineData("[ipv4-addr:value = '1.2.3.4'] OR [domain-name:value = 'x.com']", "ipv4-addr:value = 1.2.3.4 | domain-name:value = x.com")]
    [InlineData("[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '1.2.3.4']", "network-traffic:dst_ref.type = ipv4-addr & network-traffic:dst_ref.value = 1.2.3.4")]
    [InlineData("[(a:b = 'x' OR a:c = 'y') AND a:d = 'z']", "a:b = x & a:d = z | a:c = y & a:d = z")]
    [InlineData("[url:value IN ('http://a/', 'http://b/')]", "url:value IN http://a/,http://b/")]
    [InlineData(@"[process:command_line MATCHES '^it\'s \\d$']", @"process:command_line MATCHES ^it's \d$")]
    [InlineData("[file:name NOT = 'x'] OR [file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.5]", "file:name NOT = x | file:extensions.windows-pebinary-ext.sections[*].entropy > 7.5")]
    [InlineData("([a:b = 'x'])", "a:b = x")]
    public void Reads_patterns_as_alternatives_of_comparisons(string pattern, string expected)
    {
        var alternatives = StixPatternParser.Parse(pattern, out var error);

        Assert.Null(error);
        var text = string.Join(" | ", alternatives!.Select(a => string.Join(" & ", a.Select(c => $"{c} {string.Join(',', c.Values)}"))));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("[a:b = 'x'] AND [a:c = 'y']", "observation operator AND")]
    [InlineData("[a:b = 'x'] FOLLOWEDBY [a:c = 'y']", "observation operator FOLLOWEDBY")]
    [InlineData("[a:b = 'x'] WITHIN 300 SECONDS", "qualifier WITHIN")]
    [InlineData("[a:b = 'x'", "expected ']'")]
    [InlineData("[a:b = 'x]", "does not end")]
    [InlineData("a:b = 'x'", "expected '['")]
    [InlineData("[a:b ~ 'x']", "unexpected character")]
    [InlineData("[a:b = ]", "expected a constant")]
    public void Refuses_what_no_indicator_expresses_with_a_reason(string pattern, string reason)
    {
        Assert.Null(StixPatternParser.Parse(pattern, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_deep_nesting_and_exploding_alternatives_without_crashing()
    {
        var deep = new string('(', 5000) + "[a:b = 'x']" + new string(')', 5000);
        var wide = "[" + string.Join(" AND ", Enumerable.Range(0, 12).Select(i => $"(a:b = '{i}' OR a:c = '{i}')")) + "]";

        Assert.Null(StixPatternParser.Parse(deep, out var deepError));
        Assert.Contains("nested deeper", deepError, StringComparison.Ordinal);
        Assert.Null(StixPatternParser.Parse(wide, out var wideError));
        Assert.Contains("alternatives", wideError, StringComparison.Ordinal);
    }
}
