using Ooda.Response;

namespace Ooda.Engine.Tests.Response;

/// <summary>A connector that records what it was sent and answers as told.</summary>
internal sealed class RecordingConnector(ConnectorOutcome outcome = ConnectorOutcome.Done) : IActionConnector
{
    public List<ActionPayload> Sent { get; } = [];

    public ConnectorOutcome Outcome { get; set; } = outcome;

    public string Name => "test";

    public Task<ConnectorResult> SendAsync(ActionPayload payload, CancellationToken cancellationToken)
    {
        Sent.Add(payload);
        return Task.FromResult(new ConnectorResult(Outcome, 200, 1, Outcome == ConnectorOutcome.Failed ? "agent offline" : "ok"));
    }
}
