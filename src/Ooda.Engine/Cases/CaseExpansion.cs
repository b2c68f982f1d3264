using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Runbooks;
using Ooda.Investigation.Cases;
using Ooda.Investigation.Lateral;
using Ooda.Store;

namespace Ooda.Engine.Cases;

/// <summary>
/// Follows the attacker across the network: the hosts a case's lateral-movement graph says were reached join the scope, and
/// are hunted with the same runbooks that found the case's leads; what those hunts find at or above a severity is linked.
/// </summary>
public static class CaseExpansion
{
    public static CaseExpansionResult Expand(string workspaceFolder, string caseId, RunbookLibrary library, string actor,
        string linkSeverity = "high", WorkspaceOptions? workspaceOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspaceFolder);
        ArgumentNullException.ThrowIfNull(library);
        StoredCase @case;
        List<LateralReach> reached;
        List<Runbook> runbooks;
        using (var workspace = Workspace.Open(workspaceFolder, workspaceOptions))
        {
            @case = CaseService.Require(workspace, caseId);
            var graph = LateralGraphService.ForCase(workspace, @case, cancellationToken: cancellationToken);
            var inScope = @case.Hosts.Select(h => h.Host).ToHashSet(StringComparer.OrdinalIgnoreCase);
            reached = [.. graph.Reached.Where(r => !inScope.Contains(r.Host))];
            runbooks = RunbooksBehind(workspace, @case, library);
            foreach (var reach in reached)
            {
                var how = reach.Techniques.Count == 0 ? string.Empty : $" ({string.Join(", ", reach.Techniques)})";
                CaseService.AddToScope(workspace, @case.Id, [reach.Host],
                    $"reached from {reach.From} as {reach.Account}{how} at {reach.First:yyyy-MM-dd'T'HH:mm:ss'Z'}: {reach.Reason}", actor);
            }
        }

        var found = new List<Finding>();
        var added = 0;
        if (runbooks.Count > 0)
        {
            foreach (var reach in reached)
            {
                using var hunter = new RunbookHuntService(runbooks, new RunbookHuntOptions(Tenant: @case.Tenant, Host: reach.Host));
                found.AddRange(hunter.HuntStore(workspaceFolder, workspaceOptions, cancellationToken).Findings);
            }
        }

        using (var workspace = Workspace.Open(workspaceFolder, workspaceOptions))
        {
            added = found.Count == 0 ? 0 : workspace.SaveFindings(found).Added;
            var floor = SeverityLevels.Rank(linkSeverity);
            var toLink = found.Where(f => SeverityLevels.Rank(f.Severity) >= floor).Select(f => f.Id).ToList();
            var before = CaseService.Require(workspace, @case.Id).FindingIds.Count;
            @case = toLink.Count == 0 ? CaseService.Require(workspace, @case.Id) : CaseService.Link(workspace, @case.Id, toLink, actor);
            return new CaseExpansionResult(@case, reached, [.. runbooks.Select(r => r.Reference)], found.Count, added, @case.FindingIds.Count - before);
        }
    }

    /// <summary>The runbook versions whose hunts produced the case's findings; a version no longer in the library falls back to the newest.</summary>
    private static List<Runbook> RunbooksBehind(Workspace workspace, StoredCase @case, RunbookLibrary library) =>
        [.. CaseService.FindingsOf(workspace, @case)
            .SelectMany(f => f.Sources)
            .Select(s => library.Find(s.Reference) ?? library.Find(s.RunbookId))
            .OfType<Runbook>()
            .DistinctBy(r => r.Reference, StringComparer.Ordinal)];
}
