namespace Ooda.Engine.Probe;

/// <summary>How to probe one front end.</summary>
/// <param name="Target">An absolute http or https URL; only its origin is used (see <see cref="ProbeTarget.TryParse"/>).</param>
/// <param name="Timeout">Per request: connect, TLS, headers and body together.</param>
/// <param name="AcceptInvalidCertificates">Accept self-signed or otherwise untrusted certificates (reported as a note).</param>
public sealed record ProbeOptions(Uri Target, TimeSpan Timeout, bool AcceptInvalidCertificates = false)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Pause between two requests, so a probe never hammers a server.</summary>
    public TimeSpan Spacing { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Hard cap on the requests one probe sends.</summary>
    public int MaxRequests { get; init; } = 6;

    /// <summary>At most this much of a response body is read.</summary>
    public int MaxBodyBytes { get; init; } = 256 * 1024;
}
