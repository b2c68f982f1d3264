namespace Ooda.Response;

/// <summary>A connector's answer for one action.</summary>
/// <param name="StatusCode">The last HTTP status, when there was one.</param>
/// <param name="Attempts">How many times the request was sent.</param>
/// <param name="Detail">What the agent said, or why delivery failed; from the agent, so hostile text.</param>
public sealed record ConnectorResult(ConnectorOutcome Outcome, int? StatusCode, int Attempts, string Detail);
