namespace Ooda.Store;

/// <summary>A lead's states: raised as <see cref="New"/>, then acknowledged, escalated to a case or dismissed.</summary>
public static class LeadStates
{
    public const string New = "new";

    public const string Acknowledged = "acknowledged";

    public const string CaseOpened = "case-opened";

    public const string Dismissed = "dismissed";

    public static IReadOnlyList<string> All { get; } = [New, Acknowledged, CaseOpened, Dismissed];

    /// <summary>True for the states an analyst still has to act on (the SLA clocks run).</summary>
    public static bool IsOpen(string state) => state is New or Acknowledged;
}
