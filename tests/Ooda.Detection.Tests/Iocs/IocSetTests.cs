using Ooda.Core;
using Ooda.Detection.Iocs;

namespace Ooda.Detection.Tests.Iocs;

public sealed class IocSetTests
{
    [Theory]
    [InlineData(IocKind.Md5, " D41D8CD98F00B204E9800998ECF8427E ", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData(IocKind.Ip, "10[.]1[.]2[.]3", "10.1.2.3")]
    [InlineData(IocKind.Ip, "2001:0DB8::0001", "2001:db8::1")]
    [InlineData(IocKind.Ip, "::ffff:10.1.2.3", "10.1.2.3")]
    [InlineData(IocKind.Cidr, "10.1.2.3/8", "10.0.0.0/8")]
    [InlineData(IocKind.Cidr, "2001:DB8::/32", "2001:db8::/32")]
    [InlineData(IocKind.Domain, "Evil[.]COM.", "evil.com")]
    [InlineData(IocKind.Domain, "*.evil.com", "evil.com")]
    [InlineData(IocKind.Domain, "bücher.example", "xn--bcher-kva.example")]
    [InlineData(IocKind.Url, "hxxps://EVIL[.]com/Gate.php", "https://evil.com/Gate.php")]
    [InlineData(IocKind.Url, "/owa/auth/X.js", "/owa/auth/X.js")]
    [InlineData(IocKind.FileName, " Shell.aspx ", "Shell.aspx")]
    [InlineData(IocKind.Keyword, "  WCE SERVICE ", "WCE SERVICE")]
    public void Normalises_values(IocKind kind, string value, string normalised) =>
        Assert.Equal(normalised, Assert.Single(IocSet.Create([new Ioc(kind, value)])).Value);

    [Theory]
    [InlineData(IocKind.Md5, "d41d8cd98f00b204e9800998ecf8427", "32 hex digits")]
    [InlineData(IocKind.Sha256, "zz", "64 hex digits")]
    [InlineData(IocKind.Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd8070g", "not hexadecimal")]
    [InlineData(IocKind.Ip, "10.1.2", "not an IPv4 or IPv6 address")]
    [InlineData(IocKind.Ip, "10.0.0.0/8", "use kind cidr")]
    [InlineData(IocKind.Cidr, "10.0.0.0/33", "not 0–32")]
    [InlineData(IocKind.Cidr, "10.0.0.0", "needs /prefix-length")]
    [InlineData(IocKind.Cidr, "2001:db8::/129", "not 0–128")]
    [InlineData(IocKind.Domain, "com", "at least two labels")]
    [InlineData(IocKind.Domain, "http://evil.com/x", "use kind url")]
    [InlineData(IocKind.Domain, "1.2.3.4", "use kind ip")]
    [InlineData(IocKind.Domain, "bad..com", "label")]
    [InlineData(IocKind.Url, "http:// evil.com", "no spaces")]
    [InlineData(IocKind.FileName, @"C:\x.exe", "use kind filepath")]
    [InlineData(IocKind.FilePathRegex, "(unclosed", "not a valid .NET regular expression")]
    [InlineData(IocKind.Keyword, "ab", "shorter than 3")]
    [InlineData(IocKind.CommandLine, "a\nb c", "control characters")]
    [InlineData(IocKind.UserAgent, "", "empty value")]
    public void Rejects_bad_indicators_with_a_reason_naming_the_source(IocKind kind, string value, string reason)
    {
        var diagnostics = new List<Diagnostic>();

        var set = IocSet.Create([new Ioc(kind, value) { Source = new IocSource("list.csv", "12") }], diagnostics);

        Assert.Empty(set);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("list.csv:12: ", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_bad_confidence_validity_and_exclusions()
    {
        var diagnostics = new List<Diagnostic>();
        var time = new DateTime(2021, 3, 2, 0, 0, 0, DateTimeKind.Utc);

        var set = IocSet.Create(
        [
            new Ioc(IocKind.Domain, "a.example") { Confidence = 101 },
            new Ioc(IocKind.Domain, "b.example") { ValidFrom = time, ValidUntil = time.AddDays(-1) },
            new Ioc(IocKind.Domain, "c.example") { Exclude = "x" },
            new Ioc(IocKind.FilePathRegex, "abc") { Exclude = "(" },
        ], diagnostics);

        Assert.Empty(set);
        Assert.Equal(4, diagnostics.Count);
    }

    [Fact]
    public void Keeps_one_of_equal_indicators_with_all_their_tags_and_warns()
    {
        var diagnostics = new List<Diagnostic>();

        var set = IocSet.Create(
        [
            new Ioc(IocKind.Domain, "evil.com") { Tags = ["apt"], Source = new IocSource("a.csv", "1") },
            new Ioc(IocKind.Domain, "EVIL.com.") { Tags = ["apt", "c2"], Source = new IocSource("b.csv", "9") },
            new Ioc(IocKind.Url, "http://evil.com/"),
        ], diagnostics);

        Assert.Equal(2, set.Count);
        Assert.Equal(["apt", "c2"], set[0].Tags.ToArray());
        Assert.Equal("a.csv:1", set[0].Source.ToString());
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("repeats a.csv:1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warns_when_a_network_had_host_bits_set()
    {
        var diagnostics = new List<Diagnostic>();

        var set = IocSet.Create([new Ioc(IocKind.Cidr, "192.168.1.77/24")], diagnostics);

        Assert.Equal("192.168.1.0/24", Assert.Single(set).Value);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public void Normalises_times_to_utc_and_cleans_tags_and_comments()
    {
        var local = new DateTime(2021, 3, 2, 10, 0, 0, DateTimeKind.Unspecified);

        var ioc = Assert.Single(IocSet.Create([new Ioc(IocKind.Domain, "evil.com") { ValidFrom = local, Tags = [" apt ", "", "apt"], Comment = "  " }]));

        Assert.Equal(DateTimeKind.Utc, ioc.ValidFrom!.Value.Kind);
        Assert.Equal(["apt"], ioc.Tags.ToArray());
        Assert.Null(ioc.Comment);
    }

    [Fact]
    public void Union_merges_two_sets_and_counts_kinds()
    {
        var a = IocSet.Create([new Ioc(IocKind.Domain, "evil.com"), new Ioc(IocKind.Ip, "10.0.0.1")]);
        var b = IocSet.Create([new Ioc(IocKind.Domain, "evil.com"), new Ioc(IocKind.Ip, "10.0.0.2")]);

        var union = a.Union(b);

        Assert.Equal(3, union.Count);
        Assert.Equal(2, union.CountOf(IocKind.Ip));
        Assert.Same(a, a.Union(IocSet.Empty));
    }

    [Fact]
    public void Equal_indicators_compare_tags_by_content()
    {
        var a = new Ioc(IocKind.Domain, "evil.com") { Tags = ["x", "y"] };
        var b = new Ioc(IocKind.Domain, "evil.com") { Tags = ["x", "y"] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Tags = ["y", "x"] });
    }
}
