namespace Ooda.Store;

/// <summary>An action was changed by someone else between reading it and changing it; reading it again shows where it is now.</summary>
public sealed class ActionConflictException : InvalidOperationException
{
    public ActionConflictException()
    {
    }

    public ActionConflictException(string message)
        : base(message)
    {
    }

    public ActionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
