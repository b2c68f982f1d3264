using Ooda.Core;
using Ooda.Store;

namespace Ooda.Investigation.Cases;

/// <summary>Opens cases from leads and changes them under the case rules; every change lands in the audit log (through the store).</summary>
public static class CaseService
{
    /// <summary>
    /// Opens a case. From findings: their tenant, the most severe one's title, the highest severity, their hosts in scope and
    /// their evidence with its chain of custody (source file hash, record or line, when it was ingested).
    /// </summary>
    public static StoredCase Open(Workspace workspace, CaseOpening opening, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(opening);
        var findings = opening.Findings.Select(id => Resolve(workspace, id)).DistinctBy(f => f.Id).ToList();
        var tenants = findings.Select(f => f.Tenant).Append(opening.Tenant).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (tenants.Count == 0)
            throw new CaseRuleException("a case needs a tenant: pass --tenant or open it from a finding");
        if (tenants.Count > 1)
            throw new CaseRuleException($"a case belongs to one tenant; these findings and options name {string.Join(", ", tenants)}");
        if (findings.Count == 0 && string.IsNullOrWhiteSpace(opening.Title))
            throw new CaseRuleException("a case needs a title: pass --title or open it from a finding");

        var lead = findings.OrderByDescending(f => SeverityLevels.Rank(f.Severity)).ThenBy(f => f.Timestamp).FirstOrDefault();
        var severity = opening.Severity ?? (lead?.Severity ?? "medium");
        if (SeverityLevels.Rank(severity) < 0)
            throw new CaseRuleException($"'{severity}' is not a severity (one of: {string.Join(", ", SeverityLevels.All)})");
        var tlp = opening.Tlp is null ? "amber" : TlpLevels.Parse(opening.Tlp)
            ?? throw new CaseRuleException($"'{opening.Tlp}' is not a TLP marking (one of: {string.Join(", ", TlpLevels.All)})");
        var hosts = findings
            .Select(f => KeyValuePair.Create(f.Host, $"finding {ShortId(f.Id)}: {f.Title}"))
            .Concat(opening.Hosts.Select(h => KeyValuePair.Create(h, "added when the case was opened")))
            .ToList();
        return workspace.CreateCase(new NewCase
        {
            Tenant = tenants[0],
            Title = opening.Title ?? $"{lead!.Title} on {lead.Host}",
            Severity = severity,
            Assignee = opening.Assignee,
            Tlp = tlp,
            Tags = opening.Tags,
            Hosts = hosts,
            FindingIds = [.. findings.Select(f => f.Id)],
            Evidence = [.. EvidenceOf(workspace, findings)],
        }, actor, at);
    }

    /// <summary>Links more findings (of the case's tenant) and brings their hosts and evidence into the case.</summary>
    public static StoredCase Link(Workspace workspace, string caseId, IEnumerable<string> findingIds, string actor, DateTime? at = null)
    {
        var current = Require(workspace, caseId);
        var findings = findingIds.Select(id => Resolve(workspace, id)).DistinctBy(f => f.Id)
            .Where(f => !current.FindingIds.Contains(f.Id, StringComparer.Ordinal)).ToList();
        if (findings.FirstOrDefault(f => f.Tenant != current.Tenant) is { } foreign)
            throw new CaseRuleException($"finding {ShortId(foreign.Id)} belongs to tenant {foreign.Tenant}, not to the case's tenant {current.Tenant}");
        if (findings.Count == 0)
            return current;
        workspace.LinkFindings(current.Id, findings.Select(f => f.Id), actor, at);
        workspace.AddCaseHosts(current.Id, findings.Select(f => KeyValuePair.Create(f.Host, $"finding {ShortId(f.Id)}: {f.Title}")), actor, at);
        var known = current.Evidence.Select(EvidenceKey).ToHashSet();
        foreach (var item in EvidenceOf(workspace, findings).Where(i => known.Add(EvidenceKey(i))))
            workspace.AddCaseEvidence(current.Id, item, actor, at);
        return Require(workspace, current.Id);
    }

    /// <summary>The tenant's findings on the case's hosts that are not linked yet, at or above a severity.</summary>
    public static IReadOnlyList<Finding> UnlinkedOnScope(Workspace workspace, StoredCase @case, string minSeverity = "low")
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(@case);
        var linked = @case.FindingIds.ToHashSet(StringComparer.Ordinal);
        return [.. @case.Hosts.SelectMany(h => workspace.QueryFindings(new FindingQuery { Tenant = @case.Tenant, Host = h.Host, MinSeverity = minSeverity }))
            .Where(f => !linked.Contains(f.Id))
            .DistinctBy(f => f.Id)];
    }

    public static StoredCase SetStatus(Workspace workspace, string caseId, string status, string? reason, string actor, DateTime? at = null)
    {
        var current = Require(workspace, caseId);
        var target = status.Trim().ToLowerInvariant();
        if (CaseStatuses.RefuseMove(current.Status, target, reason) is { } refusal)
            throw new CaseRuleException($"{current.Id}: {refusal}");
        return workspace.UpdateCase(current.Id, new CaseChange { Status = target, Reason = reason }, actor, at);
    }

    /// <summary>Assignee, severity, TLP, title and tags; checked before anything is written.</summary>
    public static StoredCase Update(Workspace workspace, string caseId, CaseChange change, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = Require(workspace, caseId);
        if (change.Status is not null)
            throw new CaseRuleException("change the status with 'case status', which checks the case's life cycle");
        if (change.Severity is { } severity && SeverityLevels.Rank(severity) < 0)
            throw new CaseRuleException($"'{severity}' is not a severity (one of: {string.Join(", ", SeverityLevels.All)})");
        var tlp = change.Tlp is null ? null : TlpLevels.Parse(change.Tlp)
            ?? throw new CaseRuleException($"'{change.Tlp}' is not a TLP marking (one of: {string.Join(", ", TlpLevels.All)})");
        if (change.Title is { } title && string.IsNullOrWhiteSpace(title))
            throw new CaseRuleException("a case title cannot be empty");
        return workspace.UpdateCase(current.Id, change with { Tlp = tlp }, actor, at);
    }

    public static StoredCase Note(Workspace workspace, string caseId, string text, string actor, DateTime? at = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new CaseRuleException("a note needs text");
        return workspace.AddCaseNote(Require(workspace, caseId).Id, text, actor, at);
    }

    public static StoredCase AddToScope(Workspace workspace, string caseId, IEnumerable<string> hosts, string reason, string actor, DateTime? at = null)
    {
        var current = Require(workspace, caseId);
        var list = hosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => KeyValuePair.Create(h.Trim(), reason)).ToList();
        return list.Count == 0 ? current : workspace.AddCaseHosts(current.Id, list, actor, at);
    }

    public static StoredCase RemoveFromScope(Workspace workspace, string caseId, string host, string reason, string actor, DateTime? at = null)
    {
        var current = Require(workspace, caseId);
        if (!current.Hosts.Any(h => string.Equals(h.Host, host, StringComparison.OrdinalIgnoreCase)))
            throw new CaseRuleException($"{host} is not in the scope of {current.Id}");
        if (string.IsNullOrWhiteSpace(reason))
            throw new CaseRuleException("taking a host out of scope needs a reason (--reason)");
        return workspace.RemoveCaseHost(current.Id, host, reason, actor, at);
    }

    public static StoredCase Require(Workspace workspace, string caseId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(caseId);
        return workspace.FindCase(caseId) ?? throw new CaseRuleException($"no case '{caseId}' in this workspace ('ooda case list' shows them)");
    }

    /// <summary>The findings linked to a case, as stored.</summary>
    public static IReadOnlyList<Finding> FindingsOf(Workspace workspace, StoredCase @case)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(@case);
        return workspace.QueryFindings(new FindingQuery { Tenant = @case.Tenant, CaseId = @case.Id });
    }

    public static string ShortId(string findingId) => findingId.Length <= 12 ? findingId : findingId[..12];

    private static Finding Resolve(Workspace workspace, string idOrPrefix) =>
        workspace.FindFinding(idOrPrefix)
        ?? throw new CaseRuleException(idOrPrefix.Length < 6
            ? $"finding '{idOrPrefix}': give at least 6 characters of its id"
            : $"no single finding matches '{idOrPrefix}' ('ooda sql \"SELECT finding_id, title FROM findings\"' lists them)");

    /// <summary>Evidence items for findings read from a source file; a SQL hunt's conclusion over the store has no file of its own.</summary>
    private static IEnumerable<StoredEvidenceItem> EvidenceOf(Workspace workspace, IEnumerable<Finding> findings) =>
        findings
            .Where(f => f.Provenance.Sha256.Length > 0)
            .Select(f => new StoredEvidenceItem
            {
                Description = f.OriginalPath is { } path ? $"{path} ({f.Title})" : $"{f.Channel ?? "event"}{(f.EventId is { } id ? " " + id : string.Empty)} ({f.Title})",
                Host = f.Host,
                SourcePath = f.Provenance.File,
                SourceSha256 = f.Provenance.Sha256,
                RecordId = f.RecordId,
                Line = f.Provenance.Line > 0 ? f.Provenance.Line : null,
                Offset = f.Provenance.Offset >= 0 ? f.Provenance.Offset : null,
                IngestedAt = workspace.IngestedAt(f.Provenance.Sha256),
            })
            .DistinctBy(EvidenceKey);

    private static (string, long?, long?, long?) EvidenceKey(StoredEvidenceItem item) => (item.SourceSha256, item.RecordId, item.Line, item.Offset);
}
