using System.Text;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Response.Tests;

public sealed class OutboxConnectorTests
{
    [Fact]
    public async Task Writes_the_body_and_its_signature_once_per_idempotency_key()
    {
        using var dir = new TempDirectory();
        var secret = Encoding.UTF8.GetBytes("s");
        var connector = new OutboxConnector(dir.Path, secret);
        var payload = ActionPayload.For(Actions.Make(StoredActionStates.Dispatched), ResponseMode.Authorize, Actions.T0);
        var first = await connector.SendAsync(payload, CancellationToken.None);
        var again = await connector.SendAsync(payload, CancellationToken.None);
        Assert.Equal(ConnectorOutcome.Accepted, first.Outcome);
        Assert.Contains("already", again.Detail, StringComparison.Ordinal);
        var body = Assert.Single(Directory.GetFiles(dir.Path, "*.json"));
        Assert.Equal(payload.Body.ToArray(), File.ReadAllBytes(body));
        var signature = File.ReadAllLines(Path.ChangeExtension(body, ".sig"))[0].Split(": ")[1];
        Assert.True(WebhookSignature.Verify(secret, File.ReadAllBytes(body), signature));
    }

    [Fact]
    public void Refuses_an_empty_signing_secret()
    {
        using var dir = new TempDirectory();
        Assert.Throws<ArgumentException>(() => new OutboxConnector(dir.Path, Array.Empty<byte>()));
    }
}
