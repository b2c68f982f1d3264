namespace Ooda.Reports;

/// <summary>Chromium ran but did not produce the file: it failed, timed out, or wrote something that is not a PDF/PNG.</summary>
public sealed class ChromiumException : Exception
{
    public ChromiumException()
    {
    }

    public ChromiumException(string message)
        : base(message)
    {
    }

    public ChromiumException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
