using Ooda.Engine.Probe;

namespace Ooda.Engine.Tests.Probe;

public sealed class ProbeTargetTests
{
    [Theory]
    [InlineData("https://mail.example.com", "https://mail.example.com/")]
    [InlineData("https://mail.example.com/owa/auth/logon.aspx?x=1#f", "https://mail.example.com/")]
    [InlineData("http://192.0.2.10:8080", "http://192.0.2.10:8080/")]
    [InlineData("https://[2001:db8::15]/", "https://[2001:db8::15]/")]
    public void Accepts_http_and_https_urls_and_keeps_only_the_origin(string text, string origin)
    {
        Assert.True(ProbeTarget.TryParse(text, out var uri, out var error), error);
        Assert.Equal(origin, uri.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("mail.example.com")]
    [InlineData("ftp://mail.example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:secret@mail.example.com/")]
    [InlineData("https://mail.example.com/\u001b[31m")]
    [InlineData("/owa/auth/logon.aspx")]
    public void Refuses_anything_but_an_http_or_https_url_with_a_host_and_no_credentials(string text)
    {
        Assert.False(ProbeTarget.TryParse(text, out var uri, out var error));
        Assert.Null(uri);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
