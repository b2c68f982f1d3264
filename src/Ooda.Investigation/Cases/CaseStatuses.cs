namespace Ooda.Investigation.Cases;

/// <summary>A case's life: new → investigating → contained → eradicated → recovered → closed.</summary>
public static class CaseStatuses
{
    public const string New = "new";
    public const string Investigating = "investigating";
    public const string Contained = "contained";
    public const string Eradicated = "eradicated";
    public const string Recovered = "recovered";
    public const string Closed = "closed";

    /// <summary>In the order a case moves through them.</summary>
    public static readonly IReadOnlyList<string> All = [New, Investigating, Contained, Eradicated, Recovered, Closed];

    public static bool IsKnown(string status) => All.Contains(status, StringComparer.Ordinal);

    /// <summary>
    /// Why a move is not allowed, or null when it is. A case moves forward any number of steps (containment can be
    /// skipped when nothing needs containing); the only way back is reopening to investigating, and that needs a reason.
    /// </summary>
    public static string? RefuseMove(string from, string to, string? reason)
    {
        if (!IsKnown(to))
            return $"'{to}' is not a case status (one of: {string.Join(", ", All)})";
        var step = Index(to) - Index(from);
        if (step == 0)
            return $"the case is already {to}";
        if (step > 0)
            return null;
        if (to != Investigating)
            return $"a case cannot go back from {from} to {to}; reopen it to {Investigating} instead";
        return string.IsNullOrWhiteSpace(reason) ? $"reopening a {from} case needs a reason (--reason)" : null;
    }

    private static int Index(string status) => All.ToList().IndexOf(status);
}
