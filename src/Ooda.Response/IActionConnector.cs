namespace Ooda.Response;

/// <summary>Delivers endpoint-agent actions. Implementations must act once per idempotency key however often they are called.</summary>
public interface IActionConnector
{
    /// <summary>Recorded as the <c>via</c> of the dispatch event: <c>webhook</c>, <c>outbox</c>, …</summary>
    string Name { get; }

    Task<ConnectorResult> SendAsync(ActionPayload payload, CancellationToken cancellationToken);
}
