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
    public TriageService()
        : this(ExchangeKnowledgeBase.Embedded)
    {
    }

    public TriageReport Run(TriageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new List<Diagnostic>();
        var scans = ScanIndex.Build(request.ScanPaths, diagnostics.Add, cancellationToken);
        var hosts = new List<HostTriage>();
        foreach (var row in InventoryReader.Read(request.InventoryPath, diagnostics.Add))
        {
            cancellationToken.ThrowIfCancellationRequested();
            hosts.Add(Triage(row, scans, request.ScanPaths.Count > 0));
        }

        hosts.Sort(InvestigationOrder);
        return new TriageReport(hosts, RollUp(hosts), diagnostics);
    }

    /// <summary>Most urgent first: priority, then pre-auth entry points, then number of open CVEs, then tenant and host.</summary>
    public static int InvestigationOrder(HostTriage a, HostTriage b)
    {
        var c = a.Priority.CompareTo(b.Priority);
        if (c == 0)
            c = b.PreAuthExposures.CompareTo(a.PreAuthExposures);
        if (c == 0)
            c = b.VulnerableTo.Count.CompareTo(a.VulnerableTo.Count);
        if (c == 0)
            c = string.CompareOrdinal(a.Tenant, b.Tenant);
        return c != 0 ? c : string.CompareOrdinal(a.Host, b.Host);
    }

    private HostTriage Triage(InventoryHost row, ScanIndex scans, bool anyScan)
    {
        var (exposed, exposure) = Exposure(row, scans, anyScan);
        if (!row.HasExchangeRole && row.ExchangeBuild is null)
            return new HostTriage(row, null, exposed, exposure, TriagePriority.None, ["not an Exchange server (no exchange role or build in the inventory)"]);

        var assessment = row.ExchangeBuild is null
            ? new ExchangeAssessment("", null, null, null, null, null, AssessmentStatus.Unknown, [], null, null, null, ["no build in the inventory"])
            : knowledge.Assess(row.ExchangeBuild);
        var reasons = new List<string>();
        var preAuth = assessment.VulnerableTo.Where(e => e.Certain && e.Cve.PreAuth).ToList();
        var priority = (assessment.Status, exposed) switch
        {
            (AssessmentStatus.Vulnerable, true) => preAuth.Count > 0 ? TriagePriority.Critical : TriagePriority.High,
            (AssessmentStatus.Vulnerable, null) => TriagePriority.High,
            (AssessmentStatus.Vulnerable, false) => TriagePriority.Medium,
            (AssessmentStatus.Unknown, true) => TriagePriority.High,
            (AssessmentStatus.Unknown, null) => TriagePriority.Medium,
            (AssessmentStatus.Unknown, false) => TriagePriority.Low,
            (_, true) => TriagePriority.Low,
            _ => TriagePriority.None,
        };

        var what = assessment.Product is null ? "Exchange" : $"{assessment.Product} {assessment.Cu ?? "(unknown CU)"}{(assessment.SecurityUpdate is { } su ? " " + su : "")}";
        switch (assessment.Status)
        {
            case AssessmentStatus.Vulnerable:
                reasons.Add($"{what} ({assessment.Build}) is vulnerable to {Groups(assessment.VulnerableTo)}");
                if (preAuth.Count > 0)
                    reasons.Add("pre-authentication entry points open: " + string.Join(", ", preAuth.Select(e => $"{e.Cve.Id} ({e.Cve.Group})")));
                break;
            case AssessmentStatus.Unknown:
                reasons.Add(row.ExchangeBuild is null
                    ? "Exchange build missing from the inventory: cannot rule out any CVE"
                    : $"build '{row.ExchangeBuild}' is unknown ({string.Join("; ", assessment.Notes)}): cannot rule out any CVE");
                break;
            default:
                reasons.Add($"{what} ({assessment.Build}) is patched for every CVE in the knowledge base");
                break;
        }

        reasons.Add(exposure);
        if (assessment.Status == AssessmentStatus.Vulnerable)
        {
            reasons.Add(assessment.FixAvailableForCu == true
                ? $"a fix exists for {assessment.Cu}: install {assessment.LatestBuildForCu}"
                : $"no fix exists for {assessment.Cu} for {string.Join(", ", assessment.VulnerableTo.Where(e => e.FixedIn is null).Select(e => e.Cve.Id))}: upgrade the CU (recommended {assessment.RecommendedBuild})");
        }

        return new HostTriage(row, assessment, exposed, exposure, priority, reasons);
    }

    private static (bool? Exposed, string Why) Exposure(InventoryHost row, ScanIndex scans, bool anyScan)
    {
        if (row.PublicIp is null)
            return (false, "no public IP in the inventory: not reachable from the internet as far as we know");
        if (ScanIndex.Normalize(row.PublicIp) is null)
            return (null, $"public IP '{row.PublicIp}' is not an IP address: exposure unknown");
        if (!anyScan)
            return (null, $"no scan given: exposure of {row.PublicIp} unknown");
        if (scans.Find(row.PublicIp) is not { } seen)
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

    private static List<TenantTriage> RollUp(List<HostTriage> hosts) =>
        [.. hosts.GroupBy(h => h.Tenant, StringComparer.Ordinal)
            .Select(g => new TenantTriage(
                g.Key,
                g.Count(),
                g.Count(h => h.IsExchange),
                g.Count(h => h.Assessment?.Status == AssessmentStatus.Vulnerable),
                g.Count(h => h.Assessment?.Status == AssessmentStatus.Unknown),
                g.Count(h => h.InternetExposed443 == true && h.IsExchange),
                g.Count(h => h.Priority == TriagePriority.Critical),
                g.Count(h => h.Priority == TriagePriority.High),
                g.Min(h => h.Priority)))
            .OrderBy(t => t.Highest).ThenByDescending(t => t.Critical).ThenByDescending(t => t.High).ThenBy(t => t.Tenant, StringComparer.Ordinal)];
}
