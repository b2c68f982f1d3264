namespace Ooda.Detection.Runbooks;

/// <summary>An ATT&amp;CK technique the threat uses (<c>T1190</c>, <c>T1059.001</c>), with how it shows up.</summary>
/// <param name="Source">Where it was learned (a case or findings file), when learning added it.</param>
public sealed record RunbookTtp(string Technique, string? Note = null, string? Source = null);
