using Ooda.Reports.Internal;

namespace Ooda.Reports.Tests.Internal;

public sealed class MarkdownTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("*em* _em_ **b**", "\\*em\\* \\_em\\_ \\*\\*b\\*\\*")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("[a](javascript:x)", "\\[a\\]\\(javascript:x\\)")]
    [InlineData("<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("- item", "\\- item")]
    [InlineData("1. item", "1\\. item")]
    [InlineData("10.0.0.1", "10\\.0.0.1")]
    [InlineData("see https://evil.example/x", "see https\\://evil.example/x")]
    [InlineData("www.evil.example", "www\\.evil.example")]
    [InlineData("mailto:a@b.c", "mailto\\:a\\@b.c")]
    [InlineData("03:34:16Z", "03:34:16Z")]
    [InlineData("C:\\Windows", "C:\\\\Windows")]
    public void Escapes_only_what_markdown_would_read(string text, string escaped)
    {
        Assert.Equal(escaped, Markdown.Escape(text));
    }
}
