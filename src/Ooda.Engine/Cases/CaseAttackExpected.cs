using Ooda.Knowledge.Attack;

namespace Ooda.Engine.Cases;

/// <summary>A technique the runbooks behind the case's findings list but no finding evidences: where to look next.</summary>
/// <param name="Id">The id as a runbook lists it.</param>
/// <param name="Technique">The current technique it resolves to; null when the catalogue does not know it.</param>
/// <param name="Runbooks">The runbooks that list it (<c>proxyshell@1.2.0</c>).</param>
/// <param name="Notes">How the runbooks say it shows up.</param>
public sealed record CaseAttackExpected(string Id, AttackTechnique? Technique, IReadOnlyList<string> Runbooks, IReadOnlyList<string> Notes);
