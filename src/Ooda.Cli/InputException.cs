namespace Ooda.Cli;

/// <summary>The user gave input we cannot use; shown as one line, exit code 2.</summary>
public sealed class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
