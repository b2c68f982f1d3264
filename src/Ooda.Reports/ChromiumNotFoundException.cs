namespace Ooda.Reports;

/// <summary>No headless Chromium to print with; the message says how to install one.</summary>
public sealed class ChromiumNotFoundException : Exception
{
    public const string Advice =
        "headless Chromium is needed for PDF and PNG output and was not found: install Debian's chromium package (sudo apt-get install chromium), "
        + "or set OODA_CHROMIUM to a Chromium or Chrome executable. The HTML report (--format html) needs nothing else and prints from any browser.";

    public ChromiumNotFoundException()
        : base(Advice)
    {
    }

    public ChromiumNotFoundException(string message)
        : base(message)
    {
    }

    public ChromiumNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
