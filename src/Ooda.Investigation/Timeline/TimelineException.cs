namespace Ooda.Investigation.Timeline;

/// <summary>A timeline request that cannot be answered as asked: an anchor that names nothing, or names several things.</summary>
public sealed class TimelineException : Exception
{
    public TimelineException()
    {
    }

    public TimelineException(string message)
        : base(message)
    {
    }

    public TimelineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
