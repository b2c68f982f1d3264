using System.Globalization;
using Ooda.Engine.Probe.Internal;
using Ooda.Knowledge;

namespace Ooda.Engine.Probe;

/// <summary>
/// Safe, read-only checks of one Exchange front end the user names: the OWA fingerprint and leaked build (assessed
/// against the knowledge base), the ProxyShell autodiscover path-confusion indicator, and whether the ProxyNotShell
/// URL-rewrite mitigation blocks its request shape. At most four GETs, spaced; never a write, never a redirect followed.
/// </summary>
public sealed class ProbeService(ExchangeKnowledgeBase knowledge)
{
    public const string BuildCheck = "owa-build";
    public const string ProxyShellCheck = "proxyshell-ssrf";
    public const string MitigationCheck = "proxynotshell-mitigation";

    private const string ProxyNotShellCve = "CVE-2022-41040";
    private const int MaxServerNames = 10;

    public ProbeService()
        : this(ExchangeKnowledgeBase.Embedded)
    {
    }

    public async Task<ProbeReport> RunAsync(ProbeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var http = new ProbeHttp(options);
        var target = options.Target;

        var logon = await http.GetAsync(ProbePaths.OwaLogon, cancellationToken).ConfigureAwait(false);
        ProbeResponse? owa = null;
        if (logon.Answered && !http.Stopped && logon.Header(ExchangeHeaders.OwaVersion) is null)
            owa = await http.GetAsync(ProbePaths.Owa, cancellationToken).ConfigureAwait(false);
        var fingerprint = Fingerprint(owa is null ? [logon] : [logon, owa]);
        var assessment = fingerprint.Build is { } build ? knowledge.Assess(build, fingerprint.BuildSource) : null;

        var proxyShell = await http.GetAsync(ProbePaths.ProxyShell, cancellationToken).ConfigureAwait(false);
        var mitigation = await http.GetAsync(ProbePaths.ProxyNotShellShape, cancellationToken).ConfigureAwait(false);

        var names = ServerNames([logon, owa, proxyShell, mitigation]);
        fingerprint = fingerprint with { ServerNames = names, LooksLikeExchange = fingerprint.LooksLikeExchange || names.Count > 0 };
        ProbeCheck[] checks =
        [
            BuildVerdict(target, logon, owa, fingerprint, assessment),
            ProxyShellVerdict(target, proxyShell),
            MitigationVerdict(target, mitigation, assessment),
        ];
        return new ProbeReport(target.ToString(), fingerprint, assessment, checks, [.. http.Log], [.. http.Notes]);
    }

    private static ProbeFingerprint Fingerprint(IReadOnlyList<ProbeResponse> responses)
    {
        string? header = null;
        string? path = null;
        var exchange = false;
        foreach (var r in responses.Where(r => r.Answered))
        {
            header ??= r.Header(ExchangeHeaders.OwaVersion);
            path ??= OwaPage.ResourcePath(r.Body);
            exchange |= OwaPage.HasOutlookTitle(r.Body);
        }

        exchange |= header is not null || path is not null;
        // The header carries the full build (SU level); the resource path usually only the CU (exchange-facts.md §1).
        if (header is not null && ExchangeBuild.TryParse(header, out var full))
            return new ProbeFingerprint(exchange, header, path, full, ExchangeHeaders.OwaVersion, []);
        if (path is not null && ExchangeBuild.TryParse(path, out var fromPath))
            return new ProbeFingerprint(exchange, header, path, fromPath, path, []);
        return new ProbeFingerprint(exchange, header, path, null, null, []);
    }

    private static ProbeCheck BuildVerdict(Uri target, ProbeResponse logon, ProbeResponse? owa, ProbeFingerprint fingerprint, ExchangeAssessment? assessment)
    {
        var evidence = Evidence(target, logon, "status");
        if (owa is not null)
            evidence.AddRange(Evidence(target, owa, "status " + ProbePaths.Owa));
        if (fingerprint.OwaVersionHeader is { } header)
            evidence.Add(new ProbeEvidence(ExchangeHeaders.OwaVersion, header));
        if (fingerprint.OwaPathBuild is { } path)
            evidence.Add(new ProbeEvidence("resource path", path));

        if (assessment is not null)
        {
            var what = $"{assessment.Product} {assessment.Cu ?? "(unknown CU)"}{(assessment.SecurityUpdate is { } su ? " " + su : "")} ({assessment.Build}, from {fingerprint.BuildSource})";
            return assessment.Status switch
            {
                AssessmentStatus.Vulnerable => new ProbeCheck(BuildCheck, ProbeVerdict.IndicatesVulnerable,
                    $"{what} is vulnerable to {string.Join(", ", assessment.VulnerableTo.Where(e => e.Certain).Select(e => e.Cve.Id))}", evidence),
                AssessmentStatus.Patched => new ProbeCheck(BuildCheck, ProbeVerdict.IndicatesPatched,
                    $"{what} is patched for every CVE in the knowledge base", evidence),
                _ => new ProbeCheck(BuildCheck, ProbeVerdict.Inconclusive,
                    $"{what}: status unknown, never assumed patched ({string.Join("; ", assessment.Notes)})", evidence),
            };
        }

        if (Undecided(BuildCheck, target, logon, evidence) is { } undecided)
            return undecided;
        if (fingerprint.OwaVersionHeader is { } unreadable)
            return new ProbeCheck(BuildCheck, ProbeVerdict.Inconclusive, $"{ExchangeHeaders.OwaVersion} '{unreadable}' is not an Exchange build", evidence);
        return fingerprint.LooksLikeExchange
            ? new ProbeCheck(BuildCheck, ProbeVerdict.Inconclusive, "an Exchange front end, but it leaked no build", evidence)
            : new ProbeCheck(BuildCheck, ProbeVerdict.Inconclusive, $"no Exchange fingerprint at {ProbePaths.OwaLogon} (status {logon.Status})", evidence);
    }

    private static ProbeCheck ProxyShellVerdict(Uri target, ProbeResponse r, string name = ProxyShellCheck)
    {
        var evidence = Evidence(target, r, "status");
        if (Undecided(name, target, r, evidence) is { } undecided)
            return undecided;
        if (r.Outcome == ProbeOutcome.Aborted)
            return new ProbeCheck(name, ProbeVerdict.Inconclusive, "the connection was closed without an answer (a filter in front of Exchange?)", evidence);
        if (ReachedBackEnd(target, r) is { } how)
            return new ProbeCheck(name, ProbeVerdict.IndicatesVulnerable, $"the autodiscover path confusion reached a back end ({how}): ProxyShell (CVE-2021-34473) unpatched", evidence);
        if (r.Status is 400 or 401 or 403 or 404)
            return new ProbeCheck(name, ProbeVerdict.IndicatesPatched, $"the front end refused the path-confusion request ({r.Status}): ProxyShell patched or not reachable", evidence);
        return new ProbeCheck(name, ProbeVerdict.Inconclusive, $"an answer that neither reached a back end nor refused the request ({r.Status})", evidence);
    }

    private static ProbeCheck MitigationVerdict(Uri target, ProbeResponse r, ExchangeAssessment? assessment)
    {
        const string Name = MitigationCheck;
        const string Indicator = "an indicator only: the build can still be unpatched, and OWASSRF (CVE-2022-41080) is not stopped by it";
        var evidence = Evidence(target, r, "status");
        if (Undecided(Name, target, r, evidence) is { } undecided)
            return undecided;
        if (r.Outcome == ProbeOutcome.Aborted)
            return new ProbeCheck(Name, ProbeVerdict.IndicatesPatched, $"the autodiscover+powershell request shape was aborted: URL-rewrite mitigation present ({Indicator})", evidence);
        if (r.Status == 403)
            return new ProbeCheck(Name, ProbeVerdict.IndicatesPatched, $"the autodiscover+powershell request shape was refused (403): a mitigation or filter is present ({Indicator})", evidence);
        if (ReachedBackEnd(target, r) is { } how)
            return new ProbeCheck(Name, ProbeVerdict.IndicatesVulnerable, $"the autodiscover+powershell request shape was not blocked and reached a back end ({how}): no URL-rewrite mitigation", evidence);

        var exposure = assessment?.VulnerableTo.FirstOrDefault(e => e.Cve.Id == ProxyNotShellCve);
        var notBlocked = $"the request shape was not blocked ({r.Status}): no URL-rewrite mitigation";
        if (exposure is { Certain: true })
            return new ProbeCheck(Name, ProbeVerdict.IndicatesVulnerable, $"{notBlocked}, and {assessment!.Build} is vulnerable to ProxyNotShell", evidence);
        if (assessment is { Cu: not null } && exposure is null)
            return new ProbeCheck(Name, ProbeVerdict.IndicatesPatched, $"{notBlocked}, but {assessment.Build} has the ProxyNotShell fix", evidence);
        return new ProbeCheck(Name, ProbeVerdict.Inconclusive, $"{notBlocked}; the build is unknown, so whether it matters is too", evidence);
    }

    /// <summary>The verdict when a response decides nothing about the server: not sent, failed, rate limited, sent elsewhere.</summary>
    private static ProbeCheck? Undecided(string name, Uri target, ProbeResponse r, List<ProbeEvidence> evidence) => r.Outcome switch
    {
        ProbeOutcome.NotSent => new ProbeCheck(name, ProbeVerdict.Inconclusive, "not sent: " + r.Error, evidence),
        ProbeOutcome.Timeout or ProbeOutcome.TlsError or ProbeOutcome.ConnectionError or ProbeOutcome.Error => new ProbeCheck(name, ProbeVerdict.Error, r.Error ?? "failed", evidence),
        ProbeOutcome.Answered when r.Status is 429 or 503 => new ProbeCheck(name, ProbeVerdict.Inconclusive, $"rate limited or unavailable ({r.Status}); the probe backed off", evidence),
        ProbeOutcome.Answered when OtherHost(target, r) is { } host => new ProbeCheck(name, ProbeVerdict.Inconclusive, $"redirected to another host, {host} (not followed)", evidence),
        _ => null,
    };

    private static string? ReachedBackEnd(Uri target, ProbeResponse r)
    {
        if (OwaPage.BackEndMarker(r.Body) is { } marker)
            return "body names " + marker;
        if (r.Header(ExchangeHeaders.CalculatedBackEnd) is { } backEnd)
            return $"{ExchangeHeaders.CalculatedBackEnd}: {backEnd}";
        if (r.IsRedirect && r.Location is { } location && OtherHost(target, r) is null && location.AbsolutePath.StartsWith(ProbePaths.Owa, StringComparison.OrdinalIgnoreCase))
            return $"{r.Status} to {location.AbsolutePath}";
        return r.Status == 200 ? "200" : null;
    }

    private static string? OtherHost(Uri target, ProbeResponse r) =>
        r.IsRedirect && r.Location is { } location && !string.Equals(location.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase) ? location.Authority : null;

    private static List<ProbeEvidence> Evidence(Uri target, ProbeResponse r, string statusName)
    {
        var evidence = new List<ProbeEvidence>
        {
            new(statusName, r.Status is { } status ? status.ToString(CultureInfo.InvariantCulture) : ProbeHttp.OutcomeName(r.Outcome)),
        };
        if (r.Location is { } location)
            evidence.Add(new ProbeEvidence("Location", ProbeHttp.Clip(location.ToString()) + (OtherHost(target, r) is null ? "" : " (another host; not followed)")));
        foreach (var name in ExchangeHeaders.ServerNames)
        {
            if (r.Header(name) is { } value)
                evidence.Add(new ProbeEvidence(name, value));
        }

        if (r.Header("Retry-After") is { } retry)
            evidence.Add(new ProbeEvidence("Retry-After", retry));
        if (OwaPage.BackEndMarker(r.Body) is { } marker)
            evidence.Add(new ProbeEvidence("body", marker));
        return evidence;
    }

    private static List<ProbeEvidence> ServerNames(IEnumerable<ProbeResponse?> responses) =>
        [.. responses.OfType<ProbeResponse>().Where(r => r.Answered)
            .SelectMany(r => ExchangeHeaders.ServerNames.Select(name => (Name: name, Value: r.Header(name))))
            .Where(x => x.Value is not null)
            .Select(x => new ProbeEvidence(x.Name, x.Value!))
            .Distinct()
            .Take(MaxServerNames)];
}
