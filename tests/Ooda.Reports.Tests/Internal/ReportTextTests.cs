using Ooda.Reports.Internal;

namespace Ooda.Reports.Tests.Internal;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("a\u001b[31mb", "a␛[31mb")]
    [InlineData("line1\r\nline2", "line1␍␊line2")]
    [InlineData("nul\0", "nul␀")]
    [InlineData("del\u007f", "del␡")]
    [InlineData("c1\u009b", "c1<U+009B>")]
    [InlineData("rlo\u202Eexe", "rlo<U+202E>exe")]
    [InlineData("zw\u200Bsp", "zw<U+200B>sp")]
    [InlineData("isolate\u2066x\u2069", "isolate<U+2066>x<U+2069>")]
    [InlineData("emoji 😀 ok", "emoji 😀 ok")]
    [InlineData("Ünïcödé", "Ünïcödé")]
    public void Makes_control_and_invisible_characters_visible(string text, string visible)
    {
        Assert.Equal(visible, ReportText.Visible(text));
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        Assert.Equal("lone\uFFFD!", ReportText.Visible("lone" + (char)0xD800 + "!"));
    }

    [Fact]
    public void Long_text_is_clipped_with_an_ellipsis()
    {
        Assert.Equal(new string('x', 10) + "…", ReportText.Visible(new string('x', 50), 10));
    }
}
