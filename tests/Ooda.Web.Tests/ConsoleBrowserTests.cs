using Microsoft.Playwright;
using Ooda.Testing;

namespace Ooda.Web.Tests;

/// <summary>
/// The console in Debian's Chromium, driven by Playwright: sign in, read the exposure dashboard of the demo fleet, open the
/// ProxyShell lead and pivot from its timeline to the process tree. Screenshots go to a temp folder, or to <c>docs/</c> when
/// <c>OODA_SCREENSHOTS=docs</c>.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleBrowserTests(ConsoleFixture fixture) : IDisposable
{
    private const long MaxScreenshotBytes = 300 * 1024;
    private readonly TempDirectory _shots = new();

    [SkippableFact]
    public async Task An_analyst_signs_in_reads_the_exposure_and_pivots_from_the_proxyshell_leads_timeline_to_the_process_tree()
    {
        var chromium = Chromium.Require();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Timeout = 120_000, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 }, BaseURL = fixture.BaseAddress.ToString() });
        // Generous: CI machines run these beside every other test; a slow page is not a failure.
        page.SetDefaultTimeout(120_000);
        var dialogs = new List<string>();
        page.Dialog += (_, d) => dialogs.Add(d.Message);

        await page.GotoAsync("/leads?state=open");
        Assert.Contains("/login?returnUrl=", page.Url, StringComparison.Ordinal);
        await SignInAsync(page, "ana");
        Assert.EndsWith("/leads?state=open", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("header >> text=Exposure");

        var exposure = page.Locator("#exposure");
        await Assertions.Expect(exposure).ToContainTextAsync("acme-ex01");
        await Assertions.Expect(exposure).Not.ToContainTextAsync("birch-ex01");
        await Assertions.Expect(exposure.Locator("tbody tr").First).ToContainTextAsync("critical");
        await ShotAsync(page, "console-dashboard.png");

        await page.ClickAsync("header >> text=Leads");
        await page.ClickAsync("a.lead:has-text('ProxyShell autodiscover SSRF answered')");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ProxyShell autodiscover SSRF answered");
        var timeline = page.Locator("#timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("autodiscover");

        await timeline.Locator("a.tree-link").First.ClickAsync();
        var tree = page.Locator("#process-tree");
        await Assertions.Expect(tree).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Process tree");
        await Assertions.Expect(tree.Locator("a.proc").First).ToBeVisibleAsync();
        await ShotAsync(page, "console-case.png");

        Assert.Empty(dialogs);
    }

    [SkippableFact]
    public async Task A_customer_approves_an_action_from_the_approvals_inbox()
    {
        var chromium = Chromium.Require();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Timeout = 120_000, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 }, BaseURL = fixture.BaseAddress.ToString() });
        // Generous: CI machines run these beside every other test; a slow page is not a failure.
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync("/login");
        await SignInAsync(page, "carol");

        Assert.EndsWith("/approvals", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("header")).Not.ToContainTextAsync("Leads");
        var row = page.Locator($"#approvals #action-{fixture.AcmeActionId}");
        await Assertions.Expect(row).ToContainTextAsync("awaiting-approval");
        await ShotAsync(page, "console-approval.png");
        await row.Locator("button.ok").ClickAsync();

        await Assertions.Expect(page.Locator($"#approvals #action-{fixture.AcmeActionId}")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#decided")).ToContainTextAsync("approved");
        await Assertions.Expect(page.Locator("#decided")).ToContainTextAsync("by carol via portal");
    }

    [SkippableFact]
    public async Task The_hostile_lead_page_runs_no_script_in_a_real_browser()
    {
        var chromium = Chromium.Require();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Timeout = 120_000, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        // Generous: CI machines run these beside every other test; a slow page is not a failure.
        page.SetDefaultTimeout(120_000);
        var dialogs = new List<string>();
        page.Dialog += (_, d) => dialogs.Add(d.Message);
        await page.GotoAsync("/login");
        await SignInAsync(page, "root");
        await page.GotoAsync($"/cases/{fixture.AcmeCaseId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("<script>alert('xss')</script>");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#exposure")).ToContainTextAsync(ConsoleFixture.HostileHost);
        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
    }

    public void Dispose() => _shots.Dispose();

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    private async Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("OODA_SCREENSHOTS") is { Length: > 0 } target
            ? Path.Combine(RepositoryRoot.Find(), target)
            : _shots.Path;
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length < MaxScreenshotBytes, $"{name} is {new FileInfo(path).Length} bytes; keep screenshots under 300 KB");
    }
}
