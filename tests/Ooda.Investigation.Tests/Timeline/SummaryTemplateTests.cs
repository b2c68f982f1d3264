using System.Text;
using Ooda.Investigation.Timeline.Internal;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class SummaryTemplateTests
{
    [Theory]
    [InlineData("{A} and {B}", "A=1;B=2", "1 and 2")]
    [InlineData("{A}[ and {B}]", "A=1", "1")]
    [InlineData("{A}[ and {B}]", "A=1;B=-", "1")]
    [InlineData("{A}[ and {B}[ or {C}]]", "A=1;B=2", "1 and 2")]
    [InlineData("{A}[ and {B}[ or {C}]]", "A=1;C=3", "1")]
    [InlineData("{A|B}", "B=2", "2")]
    [InlineData("{A} {B}", "A=1", "1 ?")]
    [InlineData("{P:leaf}", "P=C:\\Windows\\System32\\cmd.exe", "cmd.exe")]
    [InlineData("{P:leaf}", "P=\"C:\\Program Files\\x.exe\"", "x.exe")]
    [InlineData("{P:pid}", "P=0x1A2C", "0x1a2c (6700)")]
    [InlineData("{P:pid}", "P=4242", "4242")]
    [InlineData("{P:logon}", "P=10", "10 (RemoteInteractive)")]
    [InlineData("{P:logon}", "P=99", "99")]
    [InlineData("{Q:query}", "Q=a=1", "?a=1")]
    [InlineData("{Q:query}", "Q=?a=1", "?a=1")]
    [InlineData("{U:plus}", "U=Mozilla/5.0+(X11)", "Mozilla/5.0 (X11)")]
    public void Renders_fields_alternatives_optional_parts_and_transforms(string template, string fields, string expected)
    {
        var sb = new StringBuilder();
        Assert.True(SummaryTemplate.Parse(template).TryRender(Fields(fields), sb));
        Assert.Equal(expected, sb.ToString());
    }

    [Fact]
    public void Declines_and_writes_nothing_when_none_of_its_own_fields_is_present()
    {
        var sb = new StringBuilder("kept");
        Assert.False(SummaryTemplate.Parse("{A} → {B}[ ({C})]").TryRender(Fields("C=3"), sb));
        Assert.Equal("kept", sb.ToString());
    }

    [Theory]
    [InlineData("{A")]
    [InlineData("A}")]
    [InlineData("[{A}")]
    [InlineData("{A}]")]
    [InlineData("{}")]
    [InlineData("{A|}")]
    [InlineData("{A:nope}")]
    public void Refuses_a_malformed_template(string template) =>
        Assert.Throws<FormatException>(() => SummaryTemplate.Parse(template));

    private static Ooda.Core.EventFields Fields(string text) =>
        TimelineStore.Fields([.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => (p[..p.IndexOf('=', StringComparison.Ordinal)], p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]))]);
}
