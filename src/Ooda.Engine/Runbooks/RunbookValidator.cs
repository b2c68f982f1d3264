using Ooda.Detection.Runbooks;
using Ooda.Knowledge;
using Ooda.Knowledge.Attack;

namespace Ooda.Engine.Runbooks;

/// <summary>
/// Checks runbooks beyond their YAML: every file loads, ATT&amp;CK ids exist, affected builds and CVEs are known to the
/// knowledge base, and every hunt step compiles (Sigma through the engine, SQL shape, file checks).
/// </summary>
public static class RunbookValidator
{
    public static IReadOnlyList<RunbookIssue> Validate(RunbookLibrary library, ExchangeKnowledgeBase? knowledge = null, AttackCatalogue? attack = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        knowledge ??= ExchangeKnowledgeBase.Embedded;
        attack ??= AttackCatalogue.Embedded;
        var issues = library.Errors.Select(e => new RunbookIssue(e.Line > 0 ? $"{e.File}:{e.Line}" : e.File, true, e.Message)).ToList();
        var groups = knowledge.Cves.Select(c => c.Group).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var runbook in library.Results.Select(r => r.Runbook).OfType<Runbook>())
        {
            var where = $"{runbook.Reference} ({runbook.SourcePath})";
            foreach (var technique in runbook.Ttps.Select(t => t.Technique).Concat(runbook.Hunts.SelectMany(h => h.Techniques)).Distinct(StringComparer.Ordinal))
            {
                if (!attack.TryGetTechnique(technique, out var known))
                    issues.Add(new RunbookIssue(where, true, $"ATT&CK technique {technique} does not exist"));
                else if (known.Revoked || known.Deprecated)
                    issues.Add(new RunbookIssue(where, false, $"ATT&CK technique {technique} is {(known.Revoked ? "revoked" : "deprecated")}: {attack.Describe(technique)}"));
            }

            foreach (var affected in runbook.AffectedBuilds.Where(a => !groups.Contains(a) && knowledge.Cve(a) is null))
                issues.Add(new RunbookIssue(where, true, $"affected builds '{affected}' is neither a knowledge-base group ({string.Join(", ", groups.Order())}) nor a known CVE"));
            foreach (var cve in runbook.Threat.Cves.Where(c => knowledge.Cve(c) is null))
                issues.Add(new RunbookIssue(where, false, $"{cve} is not in the Exchange knowledge base, so triage cannot link builds to it"));

            using var hunter = new RunbookHuntService([runbook]);
            foreach (var step in hunter.Steps.Where(s => !s.Runs))
            {
                // A sigmaId reference depends on the rule folders given at hunt time; that is a note, not a broken runbook.
                var isReference = step.Hunt.Kind == RunbookHuntKind.SigmaReference;
                issues.Add(new RunbookIssue($"{step.Reference} ({runbook.SourcePath}:{step.Hunt.Line})", !isReference, step.NotRunReason!));
            }
        }

        return issues;
    }
}
