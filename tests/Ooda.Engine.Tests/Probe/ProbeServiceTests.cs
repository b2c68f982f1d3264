using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Ooda.Engine.Probe;
using Ooda.Knowledge;

namespace Ooda.Engine.Tests.Probe;

public sealed class ProbeServiceTests
{
    private static Task<ProbeReport> Probe(FakeExchangeFrontEnd server, TimeSpan? timeout = null, bool insecure = false) =>
        new ProbeService().RunAsync(new ProbeOptions(server.Url, timeout ?? TimeSpan.FromSeconds(20), insecure) { Spacing = TimeSpan.Zero });

    private static ProbeVerdict Verdict(ProbeReport report, string check) => report.Checks.Single(c => c.Name == check).Verdict;

    private static string? Evidence(ProbeReport report, string check, string name) =>
        report.Checks.Single(c => c.Name == check).Evidence.FirstOrDefault(e => e.Name == name)?.Value;

    /// <summary>Only GET (or HEAD), each with the probe's User-Agent, never more than six, never to a redirect target.</summary>
    private static void AssertPolite(FakeExchangeFrontEnd server)
    {
        Assert.NotEmpty(server.Received);
        Assert.True(server.Received.Count <= 6);
        Assert.All(server.Received, r => Assert.Contains(r.Method, new[] { "GET", "HEAD" }));
        Assert.All(server.Received, r => Assert.StartsWith("Ooda-probe", r.Headers["User-Agent"], StringComparison.Ordinal));
        Assert.DoesNotContain(server.Received, r => r.Path == "/followed");
        Assert.DoesNotContain(server.Received, r => r.Headers.ContainsKey("Cookie") || r.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_vulnerable_CU9_front_end_leaks_its_build_and_answers_the_ProxyShell_path_from_a_back_end()
    {
        await using var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.VulnerableCu9);
        var report = await Probe(server);

        Assert.True(report.Fingerprint.LooksLikeExchange);
        Assert.Equal(ExchangeBuild.Parse(FakeExchangeFrontEnd.Cu9Build), report.Fingerprint.Build);
        Assert.Equal("X-OWA-Version", report.Fingerprint.BuildSource);
        Assert.Equal("/owa/auth/15.2.858/", report.Fingerprint.OwaPathBuild);
        Assert.Equal((AssessmentStatus.Vulnerable, "CU9"), (report.Assessment!.Status, report.Assessment.Cu));
        Assert.Contains(report.Assessment.VulnerableTo, e => e.Cve.Id == "CVE-2021-34473");
        Assert.Equal(ProbeVerdict.IndicatesVulnerable, Verdict(report, ProbeService.BuildCheck));
        Assert.Equal(ProbeVerdict.IndicatesVulnerable, Verdict(report, ProbeService.ProxyShellCheck));
        Assert.Equal("ex01.corp.local", Evidence(report, ProbeService.ProxyShellCheck, "X-CalculatedBETarget"));
        Assert.Equal("302", Evidence(report, ProbeService.ProxyShellCheck, "status"));
        Assert.Equal(ProbeVerdict.IndicatesVulnerable, Verdict(report, ProbeService.MitigationCheck));
        Assert.Contains(new ProbeEvidence("X-FEServer", "EX01"), report.Fingerprint.ServerNames);
        Assert.Contains(new ProbeEvidence("X-CalculatedBETarget", "ex01.corp.local"), report.Fingerprint.ServerNames);
        AssertPolite(server);
    }

    [Fact]
    public async Task Sends_the_ProxyShell_and_mitigation_requests_exactly_as_the_safe_checks_spell_them()
    {
        await using var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.VulnerableCu9);
        var report = await Probe(server);

        // The build header was on the logon page, so /owa/ was not needed.
        Assert.Equal(
            [
                "/owa/auth/logon.aspx",
                "/autodiscover/autodiscover.json?@foo.com/owa/?&Email=autodiscover/autodiscover.json%3F@foo.com",
                "/autodiscover/autodiscover.json?a@foo.var/owa/?&Email=autodiscover/autodiscover.json?a@foo.var&Protocol=XYZ&FooProtocol=Powershell",
            ],
            server.Received.Select(r => r.Target));
        Assert.Equal(server.Received.Select(r => r.Target), report.Requests.Select(r => r.Path));
        Assert.All(report.Requests, r => Assert.Equal(("GET", "answered"), (r.Method, r.Outcome)));
    }

    [Fact]
    public async Task A_patched_server_with_only_a_three_part_path_in_the_page_is_assessed_from_its_header()
    {
        await using var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.PatchedCu11);
        var report = await Probe(server);

        Assert.Equal("15.2.986.36", report.Fingerprint.Build.ToString());
        Assert.Equal(AssessmentStatus.Patched, report.Assessment!.Status);
        Assert.Equal(ProbeVerdict.IndicatesPatched, Verdict(report, ProbeService.BuildCheck));
        Assert.Equal(ProbeVerdict.IndicatesPatched, Verdict(report, ProbeService.ProxyShellCheck));
        Assert.Equal("400", Evidence(report, ProbeService.ProxyShellCheck, "status"));
        // Not blocked, but the build carries Nov22SU: nothing to mitigate.
        Assert.Equal(ProbeVerdict.IndicatesPatched, Verdict(report, ProbeService.MitigationCheck));
        AssertPolite(server);
    }

    [Fact]
    public async Task A_three_part_build_gives_the_CU_and_leaves_the_SU_level_unknown_never_patched()
    {
        await using var server = new FakeExchangeFrontEnd(r => r.Path == "/owa/auth/logon.aspx"
            ? FakeExchangeFrontEnd.Page(owaVersion: null, resourceBuild: "15.2.986")
            : FakeExchangeFrontEnd.NotFound());
        var report = await Probe(server);

        Assert.Equal(("15.2.986", "/owa/auth/15.2.986/"), (report.Fingerprint.Build.ToString(), report.Fingerprint.BuildSource));
        Assert.Equal("CU11", report.Assessment!.Cu);
        Assert.Null(report.Assessment.SecurityUpdate);
        Assert.NotEqual(AssessmentStatus.Patched, report.Assessment.Status);
        Assert.NotEqual(ProbeVerdict.IndicatesPatched, Verdict(report, ProbeService.BuildCheck));
        // Without the header, /owa/ was asked as well.
        Assert.Contains(server.Received, r => r.Target == "/owa/");
        Assert.Equal(ProbeVerdict.Inconclusive, Verdict(report, ProbeService.MitigationCheck));
    }

    [Fact]
    public async Task An_aborted_autodiscover_powershell_request_means_the_URL_rewrite_mitigation_is_present()
    {
        await using var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.MitigatedCu11);
        var report = await Probe(server);

        var mitigation = report.Checks.Single(c => c.Name == ProbeService.MitigationCheck);
        Assert.Equal(ProbeVerdict.IndicatesPatched, mitigation.Verdict);
        Assert.Contains("mitigation present", mitigation.Summary, StringComparison.Ordinal);
        Assert.Contains("indicator", mitigation.Summary, StringComparison.Ordinal);
        Assert.Equal("aborted", report.Requests.Single(r => r.Path.Contains("Powershell", StringComparison.Ordinal)).Outcome);
        // Oct22SU: still vulnerable to ProxyNotShell by build; the mitigation does not change that.
        Assert.Contains(report.Assessment!.VulnerableTo, e => e.Cve.Id == "CVE-2022-41040");
        Assert.Equal(ProbeVerdict.IndicatesVulnerable, Verdict(report, ProbeService.BuildCheck));
        Assert.Equal(ProbeVerdict.IndicatesPatched, Verdict(report, ProbeService.ProxyShellCheck));
        AssertPolite(server);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_reported_and_never_followed()
    {
        await using var server = new FakeExchangeFrontEnd(_ => FakeExchangeFrontEnd.NotFound());
        await using var redirecting = new FakeExchangeFrontEnd(server.RedirectToAnotherHost());
        var report = await Probe(redirecting);

        Assert.All(report.Checks, c => Assert.Equal(ProbeVerdict.Inconclusive, c.Verdict));
        Assert.All(report.Checks, c => Assert.Contains("redirected to another host", c.Summary, StringComparison.Ordinal));
        Assert.Contains("(another host; not followed)", Evidence(report, ProbeService.ProxyShellCheck, "Location"), StringComparison.Ordinal);
        Assert.Empty(server.Received);
        AssertPolite(redirecting);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_is_an_error_and_gets_no_further_requests()
    {
        await using var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.Slow(TimeSpan.FromMinutes(5)));
        var report = await Probe(server, timeout: TimeSpan.FromSeconds(1));

        Assert.Equal(ProbeVerdict.Error, Verdict(report, ProbeService.BuildCheck));
        Assert.Contains("no answer within", report.Checks[0].Summary, StringComparison.Ordinal);
        Assert.Equal(["timeout", "not-sent", "not-sent"], report.Requests.Select(r => r.Outcome));
        // On a loaded machine the timeout can cut the first request before the fake server has read it whole (CI saw 0).
        Assert.InRange(server.Received.Count, 0, 1);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_reported_and_the_probe_backs_off()
    {
        await using var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.RateLimited);
        var report = await Probe(server);

        Assert.Single(server.Received);
        Assert.All(report.Checks, c => Assert.Equal(ProbeVerdict.Inconclusive, c.Verdict));
        Assert.Equal("120", Evidence(report, ProbeService.BuildCheck, "Retry-After"));
        Assert.Contains(report.Notes, n => n.Contains("429, Retry-After 120 s", StringComparison.Ordinal));
        Assert.Equal(["answered", "not-sent", "not-sent"], report.Requests.Select(r => r.Outcome));
    }

    [Fact]
    public async Task A_host_that_is_not_Exchange_gets_no_Exchange_verdict()
    {
        await using var server = new FakeExchangeFrontEnd(_ => new FakeResponse(404, [], "<html><title>nginx</title></html>"));
        var report = await Probe(server);

        Assert.False(report.Fingerprint.LooksLikeExchange);
        Assert.Null(report.Assessment);
        Assert.Equal(ProbeVerdict.Inconclusive, Verdict(report, ProbeService.BuildCheck));
        Assert.Contains("no Exchange fingerprint", report.Checks[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_build_header_is_clipped_and_not_taken_for_a_build()
    {
        var hostile = "15.2.858.5<script>" + new string('A', 5000);
        await using var server = new FakeExchangeFrontEnd(r => r.Path == "/owa/auth/logon.aspx"
            ? new FakeResponse(200, [("X-OWA-Version", hostile)], "<title>Outlook</title>")
            : FakeExchangeFrontEnd.NotFound());
        var report = await Probe(server);

        Assert.Null(report.Fingerprint.Build);
        Assert.True(report.Fingerprint.OwaVersionHeader!.Length <= 512);
        Assert.Equal(ProbeVerdict.Inconclusive, Verdict(report, ProbeService.BuildCheck));
    }

    [Fact]
    public async Task Nothing_listening_is_a_connection_error_after_one_attempt()
    {
        Uri url;
        await using (var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.VulnerableCu9))
            url = server.Url;
        var report = await new ProbeService().RunAsync(new ProbeOptions(url, TimeSpan.FromSeconds(20)) { Spacing = TimeSpan.Zero });

        Assert.All(report.Checks, c => Assert.NotEqual(ProbeVerdict.IndicatesVulnerable, c.Verdict));
        Assert.Equal(ProbeVerdict.Error, Verdict(report, ProbeService.BuildCheck));
        Assert.Equal("connection-error", report.Requests[0].Outcome);
        Assert.All(report.Requests.Skip(1), r => Assert.Equal("not-sent", r.Outcome));
    }

    [Fact]
    public async Task Https_to_a_server_that_does_not_speak_TLS_is_a_TLS_error()
    {
        await using var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.VulnerableCu9);
        var https = new UriBuilder(server.Url) { Scheme = "https" }.Uri;
        var report = await new ProbeService().RunAsync(new ProbeOptions(https, TimeSpan.FromSeconds(20)) { Spacing = TimeSpan.Zero });

        Assert.Equal(ProbeVerdict.Error, Verdict(report, ProbeService.BuildCheck));
        Assert.Equal("tls-error", report.Requests[0].Outcome);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_refused_unless_insecure_is_asked_and_then_it_is_noted()
    {
        using var certificate = SelfSigned();
        await using var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.VulnerableCu9, certificate);

        var refused = await Probe(server);
        Assert.Equal(ProbeVerdict.Error, Verdict(refused, ProbeService.BuildCheck));
        Assert.Contains("--insecure", refused.Checks[0].Summary, StringComparison.Ordinal);
        Assert.Empty(server.Received);

        var accepted = await Probe(server, insecure: true);
        Assert.Equal(ProbeVerdict.IndicatesVulnerable, Verdict(accepted, ProbeService.ProxyShellCheck));
        Assert.Contains(accepted.Notes, n => n.Contains("not trusted", StringComparison.Ordinal));
        AssertPolite(server);
    }

    [Fact]
    public async Task Writes_the_json_contract_with_verdict_names_and_evidence()
    {
        await using var server = new FakeExchangeFrontEnd(FakeExchangeFrontEnd.VulnerableCu9);
        var report = await Probe(server);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            ProbeJson.Write(writer, report);
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var root = json.RootElement;

        Assert.Equal(server.Url.ToString(), root.GetProperty("target").GetString());
        Assert.Equal("15.2.858.5", root.GetProperty("build").GetString());
        Assert.Equal("vulnerable", root.GetProperty("assessment").GetProperty("status").GetString());
        var checks = root.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("verdict").GetString());
        Assert.Equal("indicates-vulnerable", checks["proxyshell-ssrf"]);
        Assert.Equal(3, checks.Count);
        Assert.All(root.GetProperty("requests").EnumerateArray(), r => Assert.Equal("GET", r.GetProperty("method").GetString()));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // SslStream on Linux needs the key in an exportable, reloaded form.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
