namespace Ooda.Knowledge.Attack;

/// <summary>An ATT&amp;CK v18.1 Enterprise technique or sub-technique, revoked and deprecated ones included.</summary>
/// <param name="Id"><c>T1059</c> or <c>T1059.001</c>.</param>
/// <param name="Name">MITRE's name (<c>PowerShell</c>).</param>
/// <param name="IsSubtechnique">True for <c>Txxxx.yyy</c>.</param>
/// <param name="ParentId">The parent technique of a sub-technique, else null.</param>
/// <param name="Tactics">The tactics it belongs to, in matrix order.</param>
/// <param name="Revoked">MITRE replaced it with <paramref name="RevokedBy"/>.</param>
/// <param name="Deprecated">MITRE retired it without a replacement.</param>
/// <param name="RevokedBy">The technique that replaced it (may itself be revoked; <see cref="AttackCatalogue.Resolve"/> follows the chain).</param>
/// <param name="Url">Its page on attack.mitre.org.</param>
public sealed record AttackTechnique(
    string Id,
    string Name,
    bool IsSubtechnique,
    string? ParentId,
    IReadOnlyList<AttackTactic> Tactics,
    bool Revoked,
    bool Deprecated,
    string? RevokedBy,
    string Url);
