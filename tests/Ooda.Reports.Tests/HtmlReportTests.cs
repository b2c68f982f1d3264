using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ooda.Testing;

namespace Ooda.Reports.Tests;

public sealed partial class HtmlReportTests
{
    [Fact]
    public void The_page_carries_a_policy_that_forbids_everything_but_its_own_inline_styles()
    {
        var html = HtmlReport.Render(HostileReport.Build());

        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < html.IndexOf("<title>", StringComparison.Ordinal), "the policy comes before any content");
    }

    [Fact]
    public void No_script_link_image_or_event_handler_comes_out_of_hostile_evidence()
    {
        var html = HtmlReport.Render(HostileReport.Build());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(EventHandlerInTag().Matches(html));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=fetch(&#39;http://127.0.0.1:9/x&#39;)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_style_end_tag_in_evidence_cannot_close_the_stylesheet()
    {
        var html = HtmlReport.Render(HostileReport.Build());

        Assert.DoesNotContain(HostileReport.StyleBreak, html, StringComparison.Ordinal);
        Assert.Contains("&lt;/style&gt;&lt;style&gt;body{background:url(http://127.0.0.1:9/css)}&lt;/style&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u001b[31mRED", "␛[31mRED")]
    [InlineData("invoice\u202Egpj.exe", "invoice&lt;U+202E&gt;gpj.exe")]
    public void Control_and_bidi_characters_are_shown_not_obeyed(string raw, string shown)
    {
        var html = HtmlReport.Render(HostileReport.Build());

        Assert.Contains(shown, html, StringComparison.Ordinal);
        Assert.DoesNotContain(raw, html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
        Assert.DoesNotContain('\u202E', html);
    }

    [Fact]
    public void An_embedded_svg_with_a_script_is_left_out_and_said_so()
    {
        var html = HtmlReport.Render(HostileReport.Build());

        Assert.Contains("w3wp.exe &lt;img src=x onerror=alert(4)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Figure left out: element &lt;script&gt; is not allowed.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(5)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_section_of_the_report_is_there_in_order()
    {
        var html = HtmlReport.Render(HostileReport.Build());

        var positions = new[] { "1. Executive summary", "2. Scope", "3. Timeline", "4. ATT&amp;CK techniques", "5. Process tree", "6. Lateral movement",
            "7. Findings and evidence", "8. Indicators of compromise", "9. Response actions", "10. Recommendations" }
            .Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("TLP:AMBER+STRICT", html, StringComparison.Ordinal);
        Assert.Contains("class=\"tech tech-observed\"><b>T1190</b>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"tech tech-expected\"><b>T1486</b>", html, StringComparison.Ordinal);
        Assert.Contains("and 2 more alike until 2021-08-07 03:43:16Z", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_report_renders_the_same_page()
    {
        Assert.Equal(HtmlReport.Render(HostileReport.Build()), HtmlReport.Render(HostileReport.Build()));
    }

    [SkippableFact]
    public async Task Hostile_evidence_stays_inert_in_a_real_headless_Chromium()
    {
        var chromium = Chromium.Require();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var dir = new TempDirectory();
        var path = dir.File("report.html");
        await File.WriteAllTextAsync(path, HtmlReport.Render(HostileReport.Build(port)));
        var pageUrl = new Uri(path).AbsoluteUri;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Timeout = 120_000, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        // Generous: CI machines run these beside every other test; a slow page is not a failure.
        page.SetDefaultTimeout(120_000);
        var dialogs = new List<string>();
        var requests = new List<string>();
        var blocked = new List<string>();
        page.Dialog += (_, d) => dialogs.Add(d.Message);
        page.Request += (_, r) => requests.Add(r.Url);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == pageUrl)
            {
                await route.ContinueAsync();
                return;
            }

            blocked.Add(route.Request.Url);
            await route.AbortAsync();
        });

        await page.GotoAsync(pageUrl, new() { WaitUntil = WaitUntilState.Load });

        Assert.Equal(0, await page.EvaluateAsync<int>("document.scripts.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("document.images.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('iframe,object,embed,a,link,foreignObject').length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
        var text = await page.InnerTextAsync("body");
        Assert.Contains(HostileReport.Script, text, StringComparison.Ordinal);
        Assert.Contains($"onerror=fetch('http://127.0.0.1:{port}/x')", text, StringComparison.Ordinal);
        Assert.Contains("␛[31mRED", text, StringComparison.Ordinal);
        Assert.Contains("invoice<U+202E>gpj.exe", text, StringComparison.Ordinal);
        Assert.Contains("</style><style>body{background:url(http://127.0.0.1:9/css)}</style>", text, StringComparison.Ordinal);
        Assert.Empty(dialogs);
        Assert.Empty(blocked);
        Assert.Equal([pageUrl], requests);
        Assert.False(listener.Pending(), "something connected to the listener the hostile evidence aims at");
    }

    [GeneratedRegex(@"<[a-zA-Z][^>]*\son[a-zA-Z]+\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex EventHandlerInTag();
}
