using Ooda.Response;

namespace Ooda.Engine.Tests.Response;

/// <summary>A connector whose answer is a function of the payload: it may throw, or change the workspace behind the dispatcher's back.</summary>
internal sealed class DelegateConnector(Func<ActionPayload, ConnectorResult> answer) : IActionConnector
{
    public List<ActionPayload> Sent { get; } = [];

    public string Name => "test";

    public Task<ConnectorResult> SendAsync(ActionPayload payload, CancellationToken cancellationToken)
    {
        Sent.Add(payload);
        return Task.FromResult(answer(payload));
    }
}
