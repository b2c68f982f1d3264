namespace Ooda.Response;

/// <summary>A response operation refused by the rules (an unknown action, a move its state does not allow, a bad channel): the caller's input problem.</summary>
public sealed class ResponseRuleException : Exception
{
    public ResponseRuleException()
    {
    }

    public ResponseRuleException(string message)
        : base(message)
    {
    }

    public ResponseRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
