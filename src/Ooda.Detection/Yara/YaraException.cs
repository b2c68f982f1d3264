namespace Ooda.Detection.Yara;

/// <summary>libyara is missing or refused a call; the message names the file when there is one.</summary>
public sealed class YaraException : Exception
{
    public YaraException()
    {
    }

    public YaraException(string message)
        : base(message)
    {
    }

    public YaraException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
