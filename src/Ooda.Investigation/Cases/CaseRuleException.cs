namespace Ooda.Investigation.Cases;

/// <summary>A case change the rules refuse (an unknown finding, a move back without reason, findings of two tenants…).</summary>
public sealed class CaseRuleException : Exception
{
    public CaseRuleException()
    {
    }

    public CaseRuleException(string message)
        : base(message)
    {
    }

    public CaseRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
