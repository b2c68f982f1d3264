namespace Ooda.Engine.Continuous;

/// <summary>An upload refused before anything was queued: a bad tenant, host or file name, or content over the size limit.</summary>
public sealed class UploadRejectedException : Exception
{
    public UploadRejectedException()
    {
    }

    public UploadRejectedException(string message)
        : base(message)
    {
    }

    public UploadRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UploadRejectedException(string message, bool tooLarge)
        : base(message) => TooLarge = tooLarge;

    /// <summary>True when the content exceeded the size limit (HTTP 413); otherwise a name was refused (HTTP 400).</summary>
    public bool TooLarge { get; }
}
