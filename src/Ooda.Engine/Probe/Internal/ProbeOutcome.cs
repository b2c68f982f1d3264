namespace Ooda.Engine.Probe.Internal;

/// <summary>How one request ended.</summary>
internal enum ProbeOutcome
{
    Answered,
    Timeout,
    TlsError,
    ConnectionError,
    /// <summary>The connection was closed or reset after it was made, with no answer: what an IIS AbortRequest rule does.</summary>
    Aborted,
    NotSent,
    Error,
}
