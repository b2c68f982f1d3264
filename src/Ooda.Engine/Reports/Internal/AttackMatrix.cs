using System.Text.RegularExpressions;
using Ooda.Engine.Cases;
using Ooda.Knowledge.Attack;
using Ooda.Reports;

namespace Ooda.Engine.Reports.Internal;

/// <summary>The report's matrix from a case's ATT&amp;CK view: every tactic of the catalogue, observed techniques, then the ones the runbooks expect.</summary>
internal static partial class AttackMatrix
{
    public static ReportAttackMatrix From(CaseAttackView view, AttackCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        catalogue ??= AttackCatalogue.Embedded;
        var observed = view.Tactics.ToDictionary(t => t.Tactic.ShortName, StringComparer.OrdinalIgnoreCase);
        var tactics = catalogue.Tactics.Select(tactic =>
        {
            var techniques = new List<ReportTechnique>();
            if (observed.TryGetValue(tactic.ShortName, out var column))
            {
                techniques.AddRange(column.Techniques.SelectMany(t => t.SubTechniques.Prepend(t)).Where(t => t.Observed).Select(t => new ReportTechnique(
                    t.Technique.Id, t.Technique.Name, true, t.Evidence.Select(e => e.FindingId).Distinct(StringComparer.Ordinal).Count(), t.Hosts, t.FirstSeen, t.LastSeen, t.Technique.Url)));
            }

            techniques.AddRange(view.Expected
                .Where(e => e.Technique is { } t && t.Tactics.Any(x => x.ShortName == tactic.ShortName) && !techniques.Any(o => o.Id == t.Id))
                .Select(e => new ReportTechnique(e.Technique!.Id, e.Technique.Name, false, 0, [], null, null, e.Technique.Url)));
            return new ReportTactic(tactic.Id ?? tactic.ShortName, tactic.ShortName, tactic.Name, techniques);
        }).ToList();
        var version = Version().Match(view.Release) is { Success: true } m ? m.Groups[1].Value : string.Empty;
        return new ReportAttackMatrix(view.Release, version, view.Copyright, tactics);
    }

    [GeneratedRegex(@"v(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Version();
}
