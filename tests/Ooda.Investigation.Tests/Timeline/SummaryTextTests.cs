using Ooda.Investigation.Timeline.Internal;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class SummaryTextTests
{
    [Theory]
    [InlineData("a\r\nb", 100, "a b")]
    [InlineData("  a \t\t b  ", 100, "a b")]
    [InlineData("\u001b[31mred\u001b[0m", 100, "[31mred [0m")]
    [InlineData("evil\u202egnp.exe", 100, "evil gnp.exe")]
    [InlineData("a\u2028b\u0085c", 100, "a b c")]
    [InlineData("abcdefghij", 5, "abcd…")]
    [InlineData("abcd efghij", 6, "abcd…")]
    [InlineData("abcde", 5, "abcde")]
    [InlineData("", 5, "")]
    public void Makes_one_safe_line_clipped_with_an_ellipsis(string text, int max, string expected) =>
        Assert.Equal(expected, SummaryText.OneLine(text, max));

    [Fact]
    public void Never_splits_a_surrogate_pair_and_replaces_a_lone_one()
    {
        Assert.Equal("ab…", SummaryText.OneLine("ab🦆🦆🦆", 4));
        Assert.Equal("a\ufffdb", SummaryText.OneLine("a\ud800b", 10));
    }
}
