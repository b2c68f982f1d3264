using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Investigation.Lateral;
using Ooda.Knowledge;
using Ooda.Reports;
using Ooda.Response;
using Ooda.Store;

namespace Ooda.Engine.Reports;

public static partial class ReportService
{
    /// <summary>
    /// The build to install on each vulnerable Exchange server in scope (knowledge base), one step per remediation action from the
    /// runbooks behind the findings (the runbook with most findings first) worded for the tenant's response mode (who acts), and a
    /// look at each host the attacker reached.
    /// </summary>
    private static List<ReportRecommendation> Recommendations(StoredCase @case, IReadOnlyList<Finding> findings, IReadOnlyList<StoredTriageHost> triage,
        IReadOnlyList<LateralEdge> reached, RunbookLibrary runbooks, ResponseMode mode)
    {
        var list = new List<ReportRecommendation>();
        var kb = ExchangeKnowledgeBase.Embedded;
        foreach (var host in @case.Hosts)
        {
            var inventory = triage.FirstOrDefault(t => string.Equals(t.Host, host.Host, StringComparison.OrdinalIgnoreCase));
            if (inventory?.Build is not { Length: > 0 } text)
                continue;
            var assessment = kb.Assess(text);
            if (assessment.Status != AssessmentStatus.Vulnerable || assessment.RecommendedBuild is not { } recommended)
                continue;
            var release = kb.ReleaseOf(recommended);
            var groups = assessment.VulnerableTo.Select(v => string.IsNullOrEmpty(v.Cve.Group) ? v.Cve.Id : v.Cve.Group).Distinct(StringComparer.Ordinal).ToList();
            var name = release is null ? recommended.ToString() : $"{release.Product} {release.Cu}{(release.SecurityUpdate is { } su ? " " + su : string.Empty)} (build {recommended})";
            var current = $"{assessment.Product} {assessment.Cu}{(assessment.SecurityUpdate is { } cur ? " " + cur : string.Empty)} ({text})";
            list.Add(new ReportRecommendation("install-build", host.Host,
                $"{current} is exposed to {assessment.VulnerableTo.Count} CVE{(assessment.VulnerableTo.Count == 1 ? string.Empty : "s")} ({string.Join(", ", groups)}). "
                + $"Install {name}" + (assessment.FixAvailableForCu == false ? ", a newer CU: no update on the current CU fixes every exposure." : "."),
                release?.Kb is { Length: > 0 } article ? article : "Exchange build knowledge base"));
        }

        // A finding several runbooks found counts a share to each, as in the response plan's choice of main runbook.
        var counts = findings.SelectMany(f => f.Sources.Select(s => s.Reference).Distinct(StringComparer.Ordinal).ToList() is var refs ? refs.Select(r => (Reference: r, Share: 1.0 / refs.Count)) : [])
            .GroupBy(p => p.Reference, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(p => p.Share)).ThenBy(g => g.Key, StringComparer.Ordinal);
        var actions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (list.Count > 0)
            actions.Add("install-update");
        foreach (var group in counts)
        {
            if ((runbooks.Find(group.Key) ?? runbooks.Find(group.Key.Split('@')[0])) is not { } runbook)
                continue;
            foreach (var step in runbook.Remediation.Where(s => actions.Add(s.Action)))
            {
                list.Add(new ReportRecommendation("remediation", null,
                    Sentence(step.Description) + (step.Command is { Length: > 0 } command ? $" PowerShell: {command}" : string.Empty),
                    $"{runbook.Id} {step.Id}: {Who(step, mode)}"));
            }
        }

        foreach (var edge in reached)
        {
            var how = edge.Techniques.Count > 0 ? $" ({string.Join(", ", edge.Techniques)})" : string.Empty;
            list.Add(new ReportRecommendation("investigate", edge.Target,
                $"Reached from {edge.Source} as {edge.Account} at {Iso(edge.First)}{how}. Collect its evidence, hunt it with the case's runbooks, and reset the credentials of {edge.Account}."));
        }

        return list;
    }

    /// <summary>Who carries a step out: the customer's own steps are theirs in every mode, the agent's follow the tenant's response mode.</summary>
    internal static string Who(RunbookRemediation step, ResponseMode mode) =>
        string.Equals(step.Target, "customer", StringComparison.OrdinalIgnoreCase) ? "your team carries it out"
        : mode switch
        {
            ResponseMode.Authorize => "our endpoint agent carries it out, and we inform you",
            ResponseMode.Collaborate => "with your approval, our endpoint agent carries it out",
            _ => "we recommend it; your team carries it out",
        };

    private static string Sentence(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
            return t;
        return char.ToUpperInvariant(t[0]) + t[1..] + (t.EndsWith('.') ? string.Empty : ".");
    }
}
