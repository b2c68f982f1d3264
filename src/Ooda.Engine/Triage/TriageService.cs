using Ooda.Core;
using Ooda.Engine.Triage.Internal;
using Ooda.Knowledge;

namespace Ooda.Engine.Triage;

/// <summary>
/// Ranks the fleet's hosts for investigation: which run a vulnerable Exchange build, whether a fix exists for their
/// CU, and whether 443/tcp is open from the internet (external scans matched on <c>public_ip</c>).
/// </summary>
public sealed class TriageService(ExchangeKnowledgeBase knowledge)
{
    private const string NotExchange = "not an Exchange server (no exchange role or build in the inventory)";

    public TriageService()
        : this(ExchangeKnowledgeBase.Embedded)
    {
    }

    public TriageReport Run(TriageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The scans are read on other cores while this one reads the inventory; diagnostics keep the order scans, inventory.
        var diagnostics = new List<Diagnostic>();
        var scanDiagnostics = new List<Diagnostic>();
        var reading = Task.Run(() => ScanIndex.Build(request.ScanPaths, scanDiagnostics.Add, cancellationToken), cancellationToken);
        var rows = new List<InventoryHost>();
        var inventoryDiagnostics = new List<Diagnostic>();
        foreach (var row in InventoryReader.Read(request.InventoryPath, inventoryDiagnostics.Add))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(row);
        }

        var scans = reading.GetAwaiter().GetResult();
        diagnostics.AddRange(scanDiagnostics);
        diagnostics.AddRange(inventoryDiagnostics);
        var hosts = new List<HostTriage>(rows.Count);
        var facts = new Dictionary<string, BuildFacts>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (host, unknownNote) = Triage(row, scans, request.ScanPaths.Count > 0, facts);
            if (unknownNote is not null)
                diagnostics.Add(new Diagnostic(request.InventoryPath, row.Location, UnknownBuild(row, unknownNote), DiagnosticSeverity.Warning));
            hosts.Add(host);
        }

        hosts.Sort(InvestigationOrder);
        return new TriageReport(hosts, RollUp(hosts), diagnostics);
    }

    /// <summary>Most urgent first: priority, then pre-auth entry points, then number of open CVEs, then tenant and host.</summary>
    public static int InvestigationOrder(HostTriage a, HostTriage b)
    {
        var c = ((int)a.Priority).CompareTo((int)b.Priority);
        if (c == 0)
            c = b.PreAuthExposures.CompareTo(a.PreAuthExposures);
        if (c == 0)
            c = b.VulnerableTo.Count.CompareTo(a.VulnerableTo.Count);
        if (c == 0)
            c = string.CompareOrdinal(a.Tenant, b.Tenant);
        return c != 0 ? c : string.CompareOrdinal(a.Host, b.Host);
    }

    private static string UnknownBuild(InventoryHost row, string note) => row.ExchangeBuild is null
        ? $"Exchange host '{row.Host}' has no exchange_build: status unknown, never assumed patched"
        : $"exchange_build '{row.ExchangeBuild}' of '{row.Host}': {note}; status unknown, never assumed patched";

    private (HostTriage Host, string? UnknownNote) Triage(InventoryHost row, ScanIndex scans, bool anyScan, Dictionary<string, BuildFacts> cache)
    {
        var (exposed, exposure) = Exposure(row, scans, anyScan);
        if (!row.HasExchangeRole && row.ExchangeBuild is null)
            return (new HostTriage(row, null, exposed, exposure, TriagePriority.None, [NotExchange]), null);

        var key = row.ExchangeBuild ?? "";
        if (!cache.TryGetValue(key, out var facts))
        {
            facts = Facts(row.ExchangeBuild);
            cache.Add(key, facts);
        }

        var assessment = facts.Assessment;
        var priority = (assessment.Status, exposed) switch
        {
            (AssessmentStatus.Vulnerable, true) => facts.HasPreAuthExposure ? TriagePriority.Critical : TriagePriority.High,
            (AssessmentStatus.Vulnerable, null) => TriagePriority.High,
            (AssessmentStatus.Vulnerable, false) => TriagePriority.Medium,
            (AssessmentStatus.Unknown, true) => TriagePriority.High,
            (AssessmentStatus.Unknown, null) => TriagePriority.Medium,
            (AssessmentStatus.Unknown, false) => TriagePriority.Low,
            (_, true) => TriagePriority.Low,
            _ => TriagePriority.None,
        };

        var reasons = new string[facts.StatusReasons.Count + (facts.FixReason is null ? 1 : 2)];
        var n = 0;
        foreach (var reason in facts.StatusReasons)
            reasons[n++] = reason;
        reasons[n++] = exposure;
        if (facts.FixReason is not null)
            reasons[n] = facts.FixReason;
        return (new HostTriage(row, assessment, exposed, exposure, priority, reasons), facts.UnknownNote);
    }

    /// <summary>The build-dependent half of a host's triage; the exposure half depends on its address.</summary>
    private BuildFacts Facts(string? build)
    {
        var assessment = build is null
            ? new ExchangeAssessment("", null, null, null, null, null, AssessmentStatus.Unknown, [], null, null, null, ["no build in the inventory"])
            : knowledge.Assess(build);
        var preAuth = assessment.VulnerableTo.Where(e => e.Certain && e.Cve.PreAuth).ToList();
        var what = assessment.Product is null ? "Exchange" : $"{assessment.Product} {assessment.Cu ?? "(unknown CU)"}{(assessment.SecurityUpdate is { } su ? " " + su : "")}";
        var reasons = new List<string>();
        string? fix = null;
        switch (assessment.Status)
        {
            case AssessmentStatus.Vulnerable:
                reasons.Add($"{what} ({assessment.Build}) is vulnerable to {Groups(assessment.VulnerableTo)}");
                if (preAuth.Count > 0)
                    reasons.Add("pre-authentication entry points open: " + string.Join(", ", preAuth.Select(e => $"{e.Cve.Id} ({e.Cve.Group})")));
                fix = assessment.FixAvailableForCu == true
                    ? $"a fix exists for {assessment.Cu}: install {assessment.LatestBuildForCu}"
                    : $"no fix exists for {assessment.Cu} for {string.Join(", ", assessment.VulnerableTo.Where(e => e.FixedIn is null).Select(e => e.Cve.Id))}: upgrade the CU (recommended {assessment.RecommendedBuild})";
                break;
            case AssessmentStatus.Unknown:
                reasons.Add(build is null
                    ? "Exchange build missing from the inventory: cannot rule out any CVE"
                    : $"build '{build}' is unknown ({string.Join("; ", assessment.Notes)}): cannot rule out any CVE");
                break;
            default:
                reasons.Add($"{what} ({assessment.Build}) is patched for every CVE in the knowledge base");
                break;
        }

        var unknownNote = assessment.Status == AssessmentStatus.Unknown ? string.Join("; ", assessment.Notes) : null;
        return new BuildFacts(assessment, preAuth.Count > 0, reasons, fix, unknownNote);
    }

    private static (bool? Exposed, string Why) Exposure(InventoryHost row, ScanIndex scans, bool anyScan)
    {
        if (row.PublicIp is null)
            return (false, "no public IP in the inventory: not reachable from the internet as far as we know");
        if (ScanIndex.Normalize(row.PublicIp) is not { } address)
            return (null, $"public IP '{row.PublicIp}' is not an IP address: exposure unknown");
        if (!anyScan)
            return (null, $"no scan given: exposure of {row.PublicIp} unknown");
        if (scans.Find(address) is not { } seen)
            return (null, $"no scan covers {row.PublicIp}: exposure unknown");
        if (!seen.HostUp)
            return (null, $"{row.PublicIp} did not answer the scan ({seen.File}): exposure unconfirmed");
        return seen.State switch
        {
            "open" => (true, $"443/tcp open from the internet at {row.PublicIp} ({seen.File})"),
            null => (null, $"443/tcp was not scanned at {row.PublicIp} ({seen.File}): exposure unknown"),
            "open|filtered" => (null, $"443/tcp open|filtered at {row.PublicIp} ({seen.File}): exposure unconfirmed"),
            var state => (false, $"443/tcp {state} at {row.PublicIp} ({seen.File})"),
        };
    }

    private static string Groups(IReadOnlyList<CveExposure> exposures) =>
        string.Join("; ", exposures.GroupBy(e => e.Cve.Group).Select(g => g.Key == g.First().Cve.Id ? g.Key : $"{g.Key} ({string.Join(", ", g.Select(e => e.Cve.Id))})"));

    /// <summary>One pass over the hosts, then the tenants most in need first.</summary>
    private static List<TenantTriage> RollUp(List<HostTriage> hosts)
    {
        var byTenant = new Dictionary<string, TenantTally>(StringComparer.Ordinal);
        foreach (var h in hosts)
        {
            if (!byTenant.TryGetValue(h.Tenant, out var tally))
                byTenant.Add(h.Tenant, tally = new TenantTally(h.Tenant));
            tally.Add(h);
        }

        return [.. byTenant.Values.Select(t => t.ToTriage())
            .OrderBy(t => t.Highest).ThenByDescending(t => t.Critical).ThenByDescending(t => t.High).ThenBy(t => t.Tenant, StringComparer.Ordinal)];
    }
}
