namespace Ooda.Detection.Runbooks;

/// <summary>One difference between two runbook versions: the section, added (+), removed (-) or changed (~), and what.</summary>
public sealed record RunbookDiffEntry(string Section, char Change, string Item, string? Detail = null)
{
    public override string ToString() => Detail is null ? $"{Change} {Section}: {Item}" : $"{Change} {Section}: {Item} ({Detail})";
}
