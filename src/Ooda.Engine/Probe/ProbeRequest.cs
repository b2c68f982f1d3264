namespace Ooda.Engine.Probe;

/// <summary>One request the probe sent (or chose not to send) and how it ended.</summary>
/// <param name="Method">Always <c>GET</c> or <c>HEAD</c>.</param>
/// <param name="Path">Path and query sent.</param>
/// <param name="Status">HTTP status; null when no answer came.</param>
/// <param name="Outcome"><c>answered</c>, <c>timeout</c>, <c>tls-error</c>, <c>connection-error</c>, <c>aborted</c>, <c>not-sent</c> or <c>error</c>.</param>
/// <param name="Error">What went wrong, when something did.</param>
public sealed record ProbeRequest(string Method, string Path, int? Status, string Outcome, string? Error);
