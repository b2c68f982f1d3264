using Ooda.Web.Internal;

namespace Ooda.Web.Tests;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("\u001b[31mred\u001b[0m", "<U+001B>[31mred<U+001B>[0m")]
    [InlineData("invoice\u202Efdp.exe", "invoice<U+202E>fdp.exe")]
    [InlineData("a\u2066b\u2069c", "a<U+2066>b<U+2069>c")]
    [InlineData("zero\u200Bwidth", "zero<U+200B>width")]
    [InlineData("bell\u0007", "bell<U+0007>")]
    [InlineData("two\nlines\ttab", "two lines tab")]
    [InlineData("plain text: C:\\Windows\\cmd.exe", "plain text: C:\\Windows\\cmd.exe")]
    public void Control_and_bidi_characters_become_visible(string text, string expected)
    {
        Assert.Equal(expected, DisplayText.Clean(text));
    }

    [Fact]
    public void Long_text_is_clipped_with_an_ellipsis()
    {
        Assert.Equal("abc…", DisplayText.Clean("abcdef", 3));
    }

    [Fact]
    public void Null_is_empty()
    {
        Assert.Equal(string.Empty, DisplayText.Clean(null));
    }
}
