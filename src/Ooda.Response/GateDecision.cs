namespace Ooda.Response;

/// <summary>The gate's verdict on one action, with the reason in words for the analyst and the audit log.</summary>
public sealed record GateDecision(string ActionId, GateVerdict Verdict, string Reason)
{
    /// <summary>True when we act on the customer's systems ourselves.</summary>
    public bool Acts => Verdict is GateVerdict.Dispatch or GateVerdict.DispatchUnreachable;
}
