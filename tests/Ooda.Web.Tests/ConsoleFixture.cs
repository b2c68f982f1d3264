using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Ooda.Core;
using Ooda.Demo;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Cases;
using Ooda.Engine.Ingest;
using Ooda.Engine.Response;
using Ooda.Engine.Runbooks;
using Ooda.Engine.Triage;
using Ooda.Investigation.Cases;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Web.Tests;

/// <summary>
/// One demo workspace per test run, built the way <c>ooda demo</c> builds it (generate, ingest, triage, hunt, raise leads,
/// open and expand the ProxyShell case), plus a case of a second tenant, hostile evidence strings, and one account per role;
/// then the console on a real Kestrel at 127.0.0.1 on a free port.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const string Acme = "acme-logistics";
    public const string Birch = "birch-health";
    public const string HostileHost = "acme-<script>alert(1)</script>";

    /// <summary>Evidence text an attacker controls; none of it may act in a page.</summary>
    public static readonly string[] Hostile =
    [
        "<script>alert('xss')</script>",
        "\"><img src=x onerror=alert(2)>",
        "\u001b[31mred\u001b[0m\u001b]8;;http://evil.example\u0007link",
        "invoice\u202Efdp.exe",
    ];

    private readonly TempDirectory _folder = new();
    private WebApplication? _app;

    public string WorkspaceFolder => Path.Combine(_folder.Path, "workspace");

    public string InboxFolder => Path.Combine(_folder.Path, "inbox");

    public Uri BaseAddress { get; private set; } = null!;

    public WebApplication App => _app!;

    public string AcmeCaseId { get; private set; } = string.Empty;

    public string BirchCaseId { get; private set; } = string.Empty;

    public string AcmeLeadId { get; private set; } = string.Empty;

    public string BirchLeadId { get; private set; } = string.Empty;

    public string ProxyShellLeadId { get; private set; } = string.Empty;

    public string BirchFindingId { get; private set; } = string.Empty;

    /// <summary>An acme action awaiting the customer's approval (acme is in collaborate mode).</summary>
    public string AcmeActionId { get; private set; } = string.Empty;

    public string BirchActionId { get; private set; } = string.Empty;

    public string AcmeFindingId { get; private set; } = string.Empty;

    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var output = Path.Combine(_folder.Path, "demo");
        DemoFleetGenerator.Generate(new DemoOptions(output, DemoOptions.DefaultSeed, 0.2));
        using (var workspace = Workspace.Open(WorkspaceFolder))
        {
            await new IngestService(workspace).IngestAsync(new IngestRequest(Path.Combine(output, "collection"))).ConfigureAwait(false);
            var request = new TriageRequest(Path.Combine(output, "inventory.csv"), [Path.Combine(output, "scans", "external.xml"), Path.Combine(output, "scans", "external-ipv6.xml")]);
            var triage = new TriageService().Run(request);
            TriageStorage.Save(workspace, request, triage);
            var stored = workspace.LatestTriage()!;
            // A host whose inventory row is hostile: its name and build show on the exposure dashboard.
            workspace.SaveTriage("inventory.csv", [], [.. stored.Hosts, stored.Hosts[0] with { Host = HostileHost, Build = Hostile[1], Reasons = [.. Hostile] }], 0);
        }

        RunbookHuntResult hunt;
        using (var hunter = new RunbookHuntService(RunbookLibrary.Load([]).Latest))
            hunt = hunter.HuntStore(WorkspaceFolder);
        var library = RunbookLibrary.Load([]);
        using (var workspace = Workspace.Open(WorkspaceFolder))
        {
            var hostile = Hostile.Select((text, i) => new Finding
            {
                Id = $"hostile{i:D2}" + new string('0', 56),
                Title = "Hostile " + text,
                Severity = "high",
                Detector = "sigma",
                Sources = [new FindingSource("proxyshell", null, text)],
                Tenant = Acme,
                Host = "acme-ex01",
                Timestamp = new DateTime(2021, 8, 7, 3, 40, 0, DateTimeKind.Utc),
                Provenance = new Provenance("collection/" + text, new string('a', 64), -1, 1),
                Details = [new("CommandLine", text)],
            }).ToList();
            workspace.SaveFindings([.. hunt.Findings, .. hostile]);
            workspace.RaiseLeads([.. hunt.Findings, .. hostile], DateTime.UtcNow);

            var lead = hunt.Findings.Where(f => f.Tenant == Acme && f.Host == "acme-ex01" && f.Severity == "critical" && f.Techniques.Contains("T1505.003") && f.Timestamp != DateTime.MinValue)
                .OrderBy(f => f.Timestamp).ThenBy(f => f.Id, StringComparer.Ordinal).First();
            var opened = CaseService.Open(workspace, new CaseOpening { Findings = [lead.Id, .. hostile.Select(f => f.Id)], Tags = ["demo", Hostile[0]] }, "ooda-demo");
            CaseService.Link(workspace, opened.Id, CaseService.UnlinkedOnScope(workspace, opened, "high").Select(f => f.Id), "ooda-demo");
            CaseService.Note(workspace, opened.Id, string.Join(" ", Hostile), "ooda-demo");
            AcmeCaseId = opened.Id;
            AcmeFindingId = lead.Id;

            var birch = hunt.Findings.First(f => f.Tenant == Birch);
            BirchFindingId = birch.Id;
            BirchCaseId = CaseService.Open(workspace, new CaseOpening { Findings = [birch.Id], Title = "Birch secret case" }, "ooda-demo").Id;
            BirchLeadId = workspace.ListLeads(new LeadQuery { Tenant = Birch }).First().Id;
            AcmeLeadId = workspace.ListLeads(new LeadQuery { Tenant = Acme }).First().Id;
            ProxyShellLeadId = workspace.ListLeads(new LeadQuery { Tenant = Acme, Host = "acme-ex01" })
                .First(l => l.Title.Contains("ProxyShell autodiscover SSRF answered", StringComparison.Ordinal)).Id;

            foreach (var (name, role, tenants) in Accounts)
            {
                ConsoleAccounts.Add(workspace, name, role, tenants, Password, "test", iterations: 1000);
                Tokens[name] = ConsoleAccounts.IssueToken(workspace, name, "tests", "test").Secret;
            }
        }

        CaseExpansion.Expand(WorkspaceFolder, AcmeCaseId, library, "ooda-demo");
        using (var workspace = Workspace.Open(WorkspaceFolder))
        {
            var acmeActions = ResponseService.Plan(workspace, AcmeCaseId, library, "ooda-demo").Actions;
            AcmeActionId = acmeActions.First(a => a.State == StoredActionStates.AwaitingApproval).Id;
            BirchActionId = ResponseService.Plan(workspace, BirchCaseId, library, "ooda-demo").Actions.First().Id;
        }

        Directory.CreateDirectory(InboxFolder);

        _app = ConsoleHost.Build(new ConsoleOptions { WorkspaceFolder = WorkspaceFolder, Urls = ["http://127.0.0.1:0"], InboxFolder = InboxFolder });
        await _app.StartAsync().ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    public static IReadOnlyList<(string Name, string Role, string[] Tenants)> Accounts { get; } =
    [
        ("root", ConsoleRoles.Admin, []),
        ("ana", ConsoleRoles.Analyst, [Acme]),
        ("bob", ConsoleRoles.Analyst, [Birch]),
        ("carol", ConsoleRoles.Customer, [Acme]),
    ];

    /// <summary>A client that sends the account's API token.</summary>
    public HttpClient TokenClient(string user)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens[user]);
        return client;
    }

    /// <summary>A client with no credential and no automatic redirects, so a refusal is seen as it is.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>Signs in through the login form; returns the session cookie and the session's CSRF token.</summary>
    public async Task<(string Cookie, string Csrf)> SignInAsync(string user)
    {
        using var client = Anonymous();
        using var form = await client.GetAsync(new Uri("/login", UriKind.Relative)).ConfigureAwait(false);
        var loginCookie = Cookie(form, AccountCookie);
        var html = await form.Content.ReadAsStringAsync().ConfigureAwait(false);
        var nonce = System.Text.RegularExpressions.Regex.Match(html, "name=\"_login\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent([new("user", user), new("password", Password), new("_login", nonce), new("returnUrl", "/")]),
        };
        post.Headers.Add("Cookie", $"{AccountCookie}={loginCookie}");
        using var response = await client.SendAsync(post).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in of {user} answered {response.StatusCode}");
        var session = Cookie(response, "ooda_session");
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Add("Cookie", "ooda_session=" + session);
        using var answer = await client.SendAsync(me).ConfigureAwait(false);
        using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync().ConfigureAwait(false));
        return (session, json.RootElement.GetProperty("csrfToken").GetString()!);
    }

    public static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith(name + "=", StringComparison.Ordinal)).Select(v => v[(name.Length + 1)..]).LastOrDefault()
                ?? throw new InvalidOperationException($"no {name} cookie")
            : throw new InvalidOperationException("no cookies");

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _folder.Dispose();
    }

    public const string AccountCookie = "ooda_login";
}
