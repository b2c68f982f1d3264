namespace Ooda.Store;

/// <summary>A read-only SQL query that was refused or failed; the message is one line fit to show the user.</summary>
public sealed class SqlRejectedException : Exception
{
    public SqlRejectedException()
    {
    }

    public SqlRejectedException(string message)
        : base(message)
    {
    }

    public SqlRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
