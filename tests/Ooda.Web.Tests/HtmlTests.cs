using Ooda.Web.Internal;

namespace Ooda.Web.Tests;

public sealed class HtmlTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("\"quoted\"", "&quot;quoted&quot;")]
    public void Text_is_encoded(string text, string expected)
    {
        var html = new Html().Element("td", text).ToString();
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_value_cannot_break_out_of_its_quotes()
    {
        var html = new Html().Void("input", ("value", "\"><img src=x onerror=alert(1)>")).ToString();
        Assert.StartsWith("<input value=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Count(c => c == '"'));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("data:text/html,x")]
    public void Links_go_only_to_paths_of_this_site(string href)
    {
        Assert.Throws<ArgumentException>(() => new Html().Link(href, "x"));
        Assert.Throws<ArgumentException>(() => new Html().Void("img", ("src", href)));
    }

    [Theory]
    [InlineData("script onload")]
    [InlineData("A")]
    [InlineData("")]
    public void Tag_and_attribute_names_are_only_our_own_lower_case_words(string name)
    {
        Assert.Throws<ArgumentException>(() => new Html().Open(name));
        Assert.Throws<ArgumentException>(() => new Html().Open("a", (name, "x")));
    }

    [Fact]
    public void A_form_carries_the_csrf_token()
    {
        var html = new Html().Form("/cases/C-0001/notes", "tok123", _ => { }).ToString();
        Assert.Contains("name=\"_csrf\" value=\"tok123\"", html, StringComparison.Ordinal);
        Assert.Contains("method=\"post\"", html, StringComparison.Ordinal);
    }
}
