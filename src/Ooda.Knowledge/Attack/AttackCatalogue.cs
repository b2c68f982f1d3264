using System.Diagnostics.CodeAnalysis;
using Ooda.Knowledge.Attack.Internal;

namespace Ooda.Knowledge.Attack;

/// <summary>
/// MITRE ATT&amp;CK v18.1 Enterprise tactics and techniques, plus the SigmaHQ crosswalk for ATT&amp;CK v19 tags, from the generated
/// table <c>Data/attack.json</c> (notice in <c>Data/ATTACK-NOTICE.md</c>). Immutable; safe to share. Lookups never throw on bad input.
/// </summary>
public sealed partial class AttackCatalogue
{
    private static readonly Lazy<AttackCatalogue> _embedded = new(AttackLoader.LoadEmbedded);

    private readonly Dictionary<string, AttackTechnique> _techniques = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AttackTactic> _tactics = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<AttackTechnique>> _v19Equivalents = new(StringComparer.Ordinal);

    internal AttackCatalogue(
        string release,
        string copyright,
        IReadOnlyList<AttackTactic> tactics,
        IReadOnlyList<AttackTactic> v19Tactics,
        IReadOnlyList<AttackTechnique> techniques,
        IReadOnlyList<AttackRetag> v19Crosswalk)
    {
        Release = release;
        Copyright = copyright;
        Tactics = tactics;
        V19Tactics = v19Tactics;
        Techniques = techniques;
        V19Crosswalk = v19Crosswalk;
        foreach (var t in techniques)
            _techniques.Add(t.Id, t);
        foreach (var t in tactics.Concat(v19Tactics))
        {
            if (t.Id is not null)
                _tactics.TryAdd(t.Id, t);
            _tactics.TryAdd(t.ShortName, t);
            _tactics.TryAdd(t.Name, t);
        }

        // Most re-tagged rules first: the first equivalent is the one SigmaHQ meant most often.
        foreach (var group in v19Crosswalk.Where(r => r.Kind == AttackTagKind.Technique).GroupBy(r => r.New[0], StringComparer.Ordinal))
        {
            _v19Equivalents.Add(group.Key, [.. group
                .OrderByDescending(r => r.RuleFiles).ThenBy(r => r.Old, StringComparer.Ordinal)
                .Select(r => Current(_techniques[r.Old]).Technique)
                .Distinct()]);
        }

        HighestTechniqueId = techniques.LastOrDefault(t => !t.IsSubtechnique)?.Id ?? string.Empty;
    }

    /// <summary>The catalogue shipped in this assembly.</summary>
    public static AttackCatalogue Embedded => _embedded.Value;

    /// <summary>The ATT&amp;CK release the table was made from (<c>ATT&amp;CK v18.1 Enterprise …</c>).</summary>
    public string Release { get; }

    /// <summary>MITRE's copyright designation, to show wherever ATT&amp;CK names are reproduced.</summary>
    public string Copyright { get; }

    /// <summary>The v18.1 tactics in matrix order (Reconnaissance first).</summary>
    public IReadOnlyList<AttackTactic> Tactics { get; }

    /// <summary>The ATT&amp;CK v19 tactics Sigma rules use (<c>defense-impairment</c>, <c>stealth</c>), each naming the tactic it replaces.</summary>
    public IReadOnlyList<AttackTactic> V19Tactics { get; }

    /// <summary>Every technique and sub-technique in id order, revoked and deprecated ones included.</summary>
    public IReadOnlyList<AttackTechnique> Techniques { get; }

    /// <summary>How SigmaHQ re-tagged its rules for ATT&amp;CK v19 (Detection Rule License 1.1).</summary>
    public IReadOnlyList<AttackRetag> V19Crosswalk { get; }

    /// <summary>The highest v18.1 technique id (<c>T1681</c>; the table is in id order); a higher id comes from a later release.</summary>
    public string HighestTechniqueId { get; }

    /// <summary>Finds a v18.1 technique by id (<c>T1059.001</c>, any case, surrounding spaces ignored). Revoked ones are returned as they are.</summary>
    public bool TryGetTechnique(string? id, [NotNullWhen(true)] out AttackTechnique? technique)
    {
        technique = null;
        return id is not null && _techniques.TryGetValue(id.Trim(), out technique);
    }

    /// <summary>Finds a tactic by id (<c>TA0002</c>), short name (<c>execution</c>) or name (<c>Execution</c>), any case; v19 tactics included.</summary>
    public bool TryGetTactic(string? idOrShortName, [NotNullWhen(true)] out AttackTactic? tactic)
    {
        tactic = null;
        return idOrShortName is not null && _tactics.TryGetValue(idOrShortName.Trim(), out tactic);
    }

    /// <summary>The technique at the end of the revoked-by chain, and the chain's ids after <paramref name="technique"/>.</summary>
    private (AttackTechnique Technique, IReadOnlyList<string> Chain) Current(AttackTechnique technique)
    {
        var chain = new List<string>();
        var current = technique;
        // The loader rejects loops; the bound only guards a catalogue built some other way.
        while (current.RevokedBy is { } next && chain.Count < _techniques.Count && _techniques.TryGetValue(next, out var replacement))
        {
            chain.Add(next);
            current = replacement;
        }

        return (current, chain);
    }
}
