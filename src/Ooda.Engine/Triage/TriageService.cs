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
        var hosts = new HostTriage[rows.Count];
        var facts = new Dictionary<string, BuildFacts>(StringComparer.Ordinal);
        var tenants = new Dictionary<string, TenantTally>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var (host, unknownNote) = Triage(row, scans, request.ScanPaths.Count > 0, facts);
            if (unknownNote is not null)
                diagnostics.Add(new Diagnostic(request.InventoryPath, row.Location, UnknownBuild(row, unknownNote), DiagnosticSeverity.Warning));
            hosts[i] = host;

            // Tallied in input order, while the host is fresh in the cache; the roll-up never depends on the ranking.
            if (!tenants.TryGetValue(host.Tenant, out var tally))
                tenants.Add(host.Tenant, tally = new TenantTally(host.Tenant));
            tally.Add(host);
        }

        return new TriageReport(Rank(hosts, tenants.Keys), RollUp(tenants.Values), diagnostics);
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
        var exposure = Exposure(row, scans, anyScan);
        if (!row.HasExchangeRole && row.ExchangeBuild is null)
            return (new HostTriage(row, null, exposure, TriagePriority.None), null);

        var key = row.ExchangeBuild ?? "";
        if (!cache.TryGetValue(key, out var facts))
        {
            facts = Facts(row.ExchangeBuild);
            cache.Add(key, facts);
        }

        var assessment = facts.Assessment;
        var priority = (assessment.Status, exposure.Exposed) switch
        {
            (AssessmentStatus.Vulnerable, true) => facts.PreAuthExposures > 0 ? TriagePriority.Critical : TriagePriority.High,
            (AssessmentStatus.Vulnerable, null) => TriagePriority.High,
            (AssessmentStatus.Vulnerable, false) => TriagePriority.Medium,
            (AssessmentStatus.Unknown, true) => TriagePriority.High,
            (AssessmentStatus.Unknown, null) => TriagePriority.Medium,
            (AssessmentStatus.Unknown, false) => TriagePriority.Low,
            (_, true) => TriagePriority.Low,
            _ => TriagePriority.None,
        };

        return (new HostTriage(row, facts, exposure, priority), facts.UnknownNote);
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
        return new BuildFacts(assessment, preAuth.Count, reasons, fix, unknownNote);
    }

    private static HostExposure Exposure(InventoryHost row, ScanIndex scans, bool anyScan)
    {
        if (row.PublicIp is null)
            return new HostExposure(ExposureKind.NoPublicIp);
        if (ScanIndex.ParseAddress(row.PublicIp) is not { } address)
            return new HostExposure(ExposureKind.NotAnAddress);
        if (!anyScan)
            return new HostExposure(ExposureKind.NoScan);
        if (scans.Find(address) is not { } seen)
            return new HostExposure(ExposureKind.NotCovered);
        if (!seen.HostUp)
            return new HostExposure(ExposureKind.NoAnswer, null, seen.File);
        return seen.State switch
        {
            "open" => new HostExposure(ExposureKind.Open, seen.State, seen.File),
            null => new HostExposure(ExposureKind.NotScanned, null, seen.File),
            "open|filtered" => new HostExposure(ExposureKind.OpenFiltered, seen.State, seen.File),
            var state => new HostExposure(ExposureKind.Answered, state, seen.File),
        };
    }

    private static string Groups(IReadOnlyList<CveExposure> exposures) =>
        string.Join("; ", exposures.GroupBy(e => e.Cve.Group).Select(g => g.Key == g.First().Cve.Id ? g.Key : $"{g.Key} ({string.Join(", ", g.Select(e => e.Cve.Id))})"));

    /// <summary>The hosts in <see cref="InvestigationOrder"/>, sorted by flat keys (tenants ranked once) rather than by comparing hosts.</summary>
    private static HostTriage[] Rank(HostTriage[] hosts, IEnumerable<string> tenants)
    {
        var names = tenants.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var tenantRank = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
            tenantRank.Add(names[i], i);
        var keys = new InvestigationKey[hosts.Length];
        for (var i = 0; i < hosts.Length; i++)
        {
            var h = hosts[i];
            keys[i] = new InvestigationKey((int)h.Priority, h.PreAuthExposures, h.VulnerableTo.Count, tenantRank[h.Tenant], h.Host, i);
        }

        Array.Sort(keys);
        var ranked = new HostTriage[hosts.Length];
        for (var i = 0; i < keys.Length; i++)
            ranked[i] = hosts[keys[i].Index];
        return ranked;
    }

    /// <summary>The tenants most in need first.</summary>
    private static List<TenantTriage> RollUp(IEnumerable<TenantTally> tallies) =>
        [.. tallies.Select(t => t.ToTriage())
            .OrderBy(t => t.Highest).ThenByDescending(t => t.Critical).ThenByDescending(t => t.High).ThenBy(t => t.Tenant, StringComparer.Ordinal)];
}
