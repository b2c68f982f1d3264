using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Ooda.Store;
using Ooda.Web.Internal;

namespace Ooda.Web.Tests;

/// <summary>Access control over every mapped route: anonymous refusal, tenant scope, the customer role, CSRF, headers and the audit trail.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleHostTests(ConsoleFixture fixture)
{
    private static readonly string[] _anonymousAllowed = ["GET /health", "GET /login", "POST /login"];

    [Fact]
    public async Task Repeated_wrong_passwords_for_one_name_are_throttled_without_locking_out_anyone_else()
    {
        using var client = fixture.Anonymous();
        using var form = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var loginCookie = ConsoleFixture.Cookie(form, ConsoleFixture.AccountCookie);
        var nonce = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"_login\" value=\"([^\"]+)\"").Groups[1].Value;
        async Task<HttpStatusCode> Guess(string password)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
            {
                Content = new FormUrlEncodedContent([new("user", "mallory-target"), new("password", password), new("_login", nonce), new("returnUrl", "/")]),
            };
            post.Headers.Add("Cookie", $"{ConsoleFixture.AccountCookie}={loginCookie}");
            using var response = await client.SendAsync(post);
            return response.StatusCode;
        }

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await Guess($"guess-{i}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Guess("guess-10"));
        var (session, _) = await fixture.SignInAsync("bob");
        Assert.NotEmpty(session);
    }

    [Fact]
    public async Task A_customer_reads_the_report_of_its_case_without_the_analysts_internal_notes()
    {
        const string Internal = "internal-note-7f3a: customer's admin looks careless";
        using (var analyst = fixture.TokenClient("ana"))
        {
            using var note = await analyst.PostAsync(new Uri($"/api/cases/{fixture.AcmeCaseId}/notes", UriKind.Relative), new StringContent(Internal, Encoding.UTF8, "text/plain"));
            Assert.True(note.IsSuccessStatusCode, await note.Content.ReadAsStringAsync());
            var own = await analyst.GetStringAsync(new Uri($"/api/reports/{fixture.AcmeCaseId}", UriKind.Relative));
            Assert.Contains("internal-note-7f3a", own, StringComparison.Ordinal);
        }

        using var customer = fixture.TokenClient("carol");
        var report = await customer.GetStringAsync(new Uri($"/api/reports/{fixture.AcmeCaseId}", UriKind.Relative));
        Assert.Contains(fixture.AcmeCaseId, report, StringComparison.Ordinal);
        Assert.DoesNotContain("internal-note-7f3a", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_route_parameter_is_one_the_probes_know_how_to_fill()
    {
        var known = new[] { "{id}", "{tenant}", "{host}", "{documentName}" };
        var unknown = RouteProbe.All(fixture)
            .Where(r => System.Text.RegularExpressions.Regex.Matches(r.Pattern, "\\{[^}]+\\}").Any(m => !known.Contains(m.Value)))
            .Select(r => r.ToString()).ToList();
        Assert.Empty(unknown);
        Assert.True(RouteProbe.All(fixture).Count > 30, "the endpoint data source lists the console's routes");
    }

    [Fact]
    public void Only_health_and_the_sign_in_form_are_marked_anonymous()
    {
        var anonymous = RouteProbe.All(fixture).Where(r => r.Anonymous).Select(r => r.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(_anonymousAllowed.Order(StringComparer.Ordinal), anonymous);
    }

    [Fact]
    public async Task Every_other_route_refuses_a_request_without_credentials()
    {
        using var client = fixture.Anonymous();
        var leaks = new List<string>();
        foreach (var route in RouteProbe.All(fixture).Where(r => !r.Anonymous))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(fixture, ConsoleFixture.Acme)) { Content = new StringContent("x") };
            using var response = await client.SendAsync(request);
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/login", StringComparison.Ordinal));
            if (!refused)
                leaks.Add($"{route} answered {(int)response.StatusCode}");
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public async Task A_wrong_or_revoked_token_is_refused_like_none()
    {
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "ooda_not-a-real-token");
        using var response = await client.GetAsync(new Uri("/api/cases", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_analyst_of_one_tenant_reads_and_changes_nothing_of_another_by_guessing_ids_on_any_route()
    {
        using var ana = fixture.TokenClient("ana");
        var problems = new List<string>();
        foreach (var route in RouteProbe.All(fixture).Where(r => !r.Anonymous && r.TenantScoped))
        {
            using var theirs = await SendAsync(ana, route, route.Path(fixture, ConsoleFixture.Birch));
            if (theirs.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                problems.Add($"{route} on {ConsoleFixture.Birch} answered {(int)theirs.StatusCode}");
            if ((await theirs.Content.ReadAsStringAsync()).Contains("Birch secret case", StringComparison.Ordinal))
                problems.Add($"{route} shows the other tenant's case");
            if (route.Method != "GET")
                continue;
            // The same route with the analyst's own tenant works, so the refusal above is the tenant check and not a broken route.
            using var own = await SendAsync(ana, route, route.Path(fixture, ConsoleFixture.Acme));
            if (!own.IsSuccessStatusCode)
                problems.Add($"{route} on {ConsoleFixture.Acme} answered {(int)own.StatusCode}");
        }

        Assert.Empty(problems);
        var birch = await fixture.App.Services.GetRequiredService<WorkspaceGate>().RunAsync(ws => ws.FindCase(fixture.BirchCaseId)!, default);
        Assert.Empty(birch.Notes);
    }

    [Fact]
    public async Task Lists_show_an_analyst_only_the_assigned_tenants()
    {
        using var ana = fixture.TokenClient("ana");
        foreach (var route in RouteProbe.All(fixture).Where(r => !r.Anonymous && !r.HasParameters && r.Method == "GET"))
        {
            var body = await ana.GetStringAsync(new Uri(route.Pattern, UriKind.Relative));
            Assert.False(body.Contains(ConsoleFixture.Birch, StringComparison.Ordinal), $"{route} shows {ConsoleFixture.Birch}");
        }
    }

    [Fact]
    public async Task Refusing_another_tenants_object_is_audited()
    {
        using var ana = fixture.TokenClient("ana");
        using var response = await ana.GetAsync(new Uri($"/api/cases/{fixture.BirchCaseId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var audit = await fixture.App.Services.GetRequiredService<WorkspaceGate>().RunAsync(ws => ws.ReadAudit("console"), default);
        Assert.Contains(audit, e => e.Action == "console.deny" && e.Actor == "ana" && e.Details.Contains(fixture.BirchCaseId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_customer_is_refused_every_investigation_route_and_audited()
    {
        using var carol = fixture.TokenClient("carol");
        var problems = new List<string>();
        foreach (var route in RouteProbe.All(fixture).Where(r => !r.Anonymous && !Collaborate(r)))
        {
            using var response = await SendAsync(carol, route, route.Path(fixture, ConsoleFixture.Acme));
            if (response.StatusCode != HttpStatusCode.Forbidden)
                problems.Add($"{route} answered {(int)response.StatusCode}");
        }

        Assert.Empty(problems);
        var audit = await fixture.App.Services.GetRequiredService<WorkspaceGate>().RunAsync(ws => ws.ReadAudit("console"), default);
        Assert.Contains(audit, e => e.Action == "console.deny" && e.Actor == "carol");
    }

    [Fact]
    public async Task A_customer_sees_and_decides_only_its_own_tenants_reports_and_approvals()
    {
        using var carol = fixture.TokenClient("carol");
        var problems = new List<string>();
        foreach (var route in RouteProbe.All(fixture).Where(r => !r.Anonymous && Collaborate(r) && r.TenantScoped))
        {
            using var theirs = await SendAsync(carol, route, route.Path(fixture, ConsoleFixture.Birch));
            if (theirs.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                problems.Add($"{route} on {ConsoleFixture.Birch} answered {(int)theirs.StatusCode}");
        }

        Assert.Empty(problems);
        foreach (var path in (string[])["/approvals", "/reports", "/api/actions"])
        {
            var body = await carol.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.DoesNotContain(ConsoleFixture.Birch, body, StringComparison.Ordinal);
        }

        Assert.Contains(fixture.AcmeActionId, await carol.GetStringAsync(new Uri("/approvals", UriKind.Relative)), StringComparison.Ordinal);
        using var report = await carol.GetAsync(new Uri($"/reports/{fixture.AcmeCaseId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("default-src 'none'", string.Join(";", report.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_change_with_the_session_cookie_needs_the_sessions_csrf_token()
    {
        var (cookie, csrf) = await fixture.SignInAsync("ana");
        using var client = fixture.Anonymous();
        async Task<HttpStatusCode> Post(string path, string? token, HttpContent content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Add("Cookie", "ooda_session=" + cookie);
            if (token is not null)
                request.Headers.Add("X-CSRF-Token", token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        var note = $"/cases/{fixture.AcmeCaseId}/notes";
        Assert.Equal(HttpStatusCode.Forbidden, await Post(note, null, new FormUrlEncodedContent([new("text", "no token")])));
        Assert.Equal(HttpStatusCode.Forbidden, await Post(note, null, new FormUrlEncodedContent([new("text", "wrong token"), new("_csrf", "forged")])));
        Assert.Equal(HttpStatusCode.Forbidden, await Post($"/api/cases/{fixture.AcmeCaseId}/notes", null, new StringContent("no header")));
        Assert.Equal(HttpStatusCode.Forbidden, await Post($"/api/cases/{fixture.AcmeCaseId}/notes", "forged", new StringContent("forged header")));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("/logout", null, new FormUrlEncodedContent([])));
        Assert.Equal(HttpStatusCode.Redirect, await Post(note, null, new FormUrlEncodedContent([new("text", "with the form token"), new("_csrf", csrf)])));
        Assert.Equal(HttpStatusCode.Created, await Post($"/api/cases/{fixture.AcmeCaseId}/notes", csrf, new StringContent("with the header")));

        var notes = await fixture.App.Services.GetRequiredService<WorkspaceGate>().RunAsync(ws => ws.FindCase(fixture.AcmeCaseId)!.Notes.Select(n => n.Text).ToList(), default);
        Assert.Contains("with the form token", notes);
        Assert.Contains("with the header", notes);
        Assert.DoesNotContain("no token", notes);
        Assert.DoesNotContain("wrong token", notes);
    }

    [Fact]
    public async Task A_bearer_token_call_needs_no_csrf_token()
    {
        using var ana = fixture.TokenClient("ana");
        using var response = await ana.PostAsync(new Uri($"/api/cases/{fixture.AcmeCaseId}/notes", UriKind.Relative), new StringContent("from the API"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server()
    {
        var (cookie, csrf) = await fixture.SignInAsync("ana");
        using var client = fixture.Anonymous();
        using (var logout = new HttpRequestMessage(HttpMethod.Post, "/logout") { Content = new FormUrlEncodedContent([new("_csrf", csrf)]) })
        {
            logout.Headers.Add("Cookie", "ooda_session=" + cookie);
            using var response = await client.SendAsync(logout);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        again.Headers.Add("Cookie", "ooda_session=" + cookie);
        using var refused = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        using var client = fixture.Anonymous();
        using var form = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var nonce = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"_login\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent([new("user", "ana"), new("password", ConsoleFixture.Password), new("_login", nonce)]),
        };
        post.Headers.Add("Cookie", "ooda_login=" + ConsoleFixture.Cookie(form, "ooda_login"));
        using var response = await client.SendAsync(post);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ooda_session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", session, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_sign_in_is_refused_and_audited()
    {
        using var client = fixture.Anonymous();
        using var form = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var nonce = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"_login\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent([new("user", "ana"), new("password", "wrong password!!"), new("_login", nonce)]),
        };
        post.Headers.Add("Cookie", "ooda_login=" + ConsoleFixture.Cookie(form, "ooda_login"));
        using var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ooda_session=", StringComparison.Ordinal)));
        var audit = await fixture.App.Services.GetRequiredService<WorkspaceGate>().RunAsync(ws => ws.ReadAudit(Workspace.UserSubject("ana")), default);
        Assert.Contains(audit, e => e.Action == "console.login.fail");
        Assert.Contains(audit, e => e.Action == "console.login");
    }

    [Fact]
    public async Task A_sign_in_post_without_the_forms_nonce_is_refused()
    {
        using var client = fixture.Anonymous();
        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative),
            new FormUrlEncodedContent([new("user", "ana"), new("password", ConsoleFixture.Password)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/leads")]
    [InlineData("/login")]
    [InlineData("/api/leads")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        using var client = fixture.TokenClient("root");
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Hostile_evidence_strings_render_inert_in_every_page()
    {
        using var root = fixture.TokenClient("root");
        var problems = new List<string>();
        var pages = RouteProbe.All(fixture).Where(r => r.Method == "GET" && !r.Pattern.StartsWith("/api", StringComparison.Ordinal) && !r.Pattern.StartsWith("/openapi", StringComparison.Ordinal))
            .Select(r => r.Path(fixture, ConsoleFixture.Acme))
            .Concat([$"/leads?state=open", $"/hosts/{ConsoleFixture.Acme}/{Uri.EscapeDataString(ConsoleFixture.HostileHost)}"])
            .Concat(await HostileLeadPagesAsync(root));
        foreach (var path in pages)
        {
            using var response = await root.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            foreach (var bad in (string[])["<script", "<img src=x", "\u001b", "\u202E", "&#x202E;", "\u0007"])
            {
                if (body.Contains(bad, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"{path} holds {bad.Replace("\u001b", "ESC", StringComparison.Ordinal)}");
            }

            // "onerror=" may appear as encoded text; never inside a tag.
            if (System.Text.RegularExpressions.Regex.IsMatch(body, "<[^>]*\\bon[a-z]+\\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
                problems.Add($"{path} holds an event-handler attribute");
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Hostile_strings_are_shown_as_text_with_invisible_controls_made_visible()
    {
        using var root = fixture.TokenClient("root");
        var dashboard = await root.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains(ConsoleFixture.HostileHost, WebUtility.HtmlDecode(dashboard), StringComparison.Ordinal);
        var host = await root.GetStringAsync(new Uri($"/hosts/{ConsoleFixture.Acme}/{Uri.EscapeDataString(ConsoleFixture.HostileHost)}", UriKind.Relative));
        Assert.Contains("invoice<U+202E>fdp.exe", WebUtility.HtmlDecode(host), StringComparison.Ordinal);
        Assert.Contains("<U+001B>[31mred", WebUtility.HtmlDecode(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_api_routes()
    {
        using var root = fixture.TokenClient("root");
        var document = await root.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        foreach (var path in (string[])["/api/exposure", "/api/leads", "/api/cases/{id}/timeline", "/api/cases/{id}/tree", "/api/cases/{id}/graph", "/api/runbooks/{id}/diff", "/api/ingest/{tenant}/{host}"])
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_with_a_token_is_queued_once_for_continuous_hunting()
    {
        using var ana = fixture.TokenClient("ana");
        var content = Encoding.UTF8.GetBytes("{\"Event\":{\"System\":{\"EventID\":4624,\"Channel\":\"Security\",\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2021-08-08T01:00:00Z\"}}},\"EventData\":{\"TargetUserName\":\"upload-test\"}}}\n");
        using var first = await ana.PostAsync(new Uri($"/api/ingest/{ConsoleFixture.Acme}/acme-ws014?name=upload-test.jsonl", UriKind.Relative), new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using var again = await ana.PostAsync(new Uri($"/api/ingest/{ConsoleFixture.Acme}/acme-ws014?name=copy.jsonl", UriKind.Relative), new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"duplicate\":true", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var queue = await ana.GetStringAsync(new Uri("/api/ingest", UriKind.Relative));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(queue, sha));
    }

    [Fact]
    public async Task An_analyst_acknowledges_a_lead_of_an_assigned_tenant_and_it_is_audited()
    {
        using var ana = fixture.TokenClient("ana");
        var lead = (await ana.GetStringAsync(new Uri($"/api/leads?tenant={ConsoleFixture.Acme}&state=new&host=acme-dc01", UriKind.Relative)));
        using var json = System.Text.Json.JsonDocument.Parse(lead);
        var id = json.RootElement[0].GetProperty("leadId").GetString()!;
        using var response = await ana.PostAsync(new Uri($"/api/leads/{id}/ack", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"state\":\"acknowledged\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await fixture.App.Services.GetRequiredService<WorkspaceGate>().RunAsync(ws => ws.ReadAudit(Workspace.LeadSubject(id)), default);
        Assert.Contains(audit, e => e.Action == "lead.ack" && e.Actor == "ana");
    }

    [Fact]
    public async Task Rejecting_an_action_needs_a_reason_and_records_who_decided()
    {
        using var carol = fixture.TokenClient("carol");
        var actions = await carol.GetStringAsync(new Uri("/api/actions?state=awaiting-approval", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(actions);
        var id = json.RootElement.EnumerateArray().Select(a => a.GetProperty("actionId").GetString()!).Last(a => a != fixture.AcmeActionId);
        using (var noReason = await carol.PostAsync(new Uri($"/api/actions/{id}/reject", UriKind.Relative), new StringContent(string.Empty)))
            Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        using var rejected = await carol.PostAsync(new Uri($"/api/actions/{id}/reject", UriKind.Relative), new StringContent("we patch it ourselves"));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var body = await rejected.Content.ReadAsStringAsync();
        Assert.Contains("\"state\":\"rejected\"", body, StringComparison.Ordinal);
        Assert.Contains("\"authorizedBy\":\"carol\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../etc", "acme-ex01", "x.jsonl")]
    [InlineData(ConsoleFixture.Acme, "acme-ex01", "../../escape.jsonl")]
    public async Task An_upload_with_an_unsafe_name_is_refused(string tenant, string host, string name)
    {
        using var root = fixture.TokenClient("root");
        using var response = await root.PostAsync(new Uri($"/api/ingest/{Uri.EscapeDataString(tenant)}/{host}?name={Uri.EscapeDataString(name)}", UriKind.Relative),
            new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<IEnumerable<string>> HostileLeadPagesAsync(HttpClient client)
    {
        var leads = await client.GetStringAsync(new Uri("/api/leads?state=new&tenant=" + ConsoleFixture.Acme, UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(leads);
        return [.. json.RootElement.EnumerateArray().Where(l => l.GetProperty("title").GetString()!.StartsWith("Hostile", StringComparison.Ordinal))
            .Select(l => "/leads/" + l.GetProperty("leadId").GetString())];
    }

    private static bool Collaborate(RouteProbe route) =>
        route.Pattern is "/" or "/api/me" or "/logout" || route.Pattern.Contains("approval", StringComparison.Ordinal)
        || route.Pattern.Contains("report", StringComparison.Ordinal) || route.Pattern.StartsWith("/api/actions", StringComparison.Ordinal);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, RouteProbe route, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path) { Content = new StringContent("probe", Encoding.UTF8, "text/plain") };
        return client.SendAsync(request);
    }
}
