namespace Ooda.Response;

/// <summary>
/// A local stand-in for an agent: writes each signed request to <c>&lt;folder&gt;/&lt;action&gt;.json</c> (the exact body)
/// and <c>.sig</c> (the headers a webhook would get). A request already in the outbox with the same key is not written again.
/// </summary>
public sealed class OutboxConnector : IActionConnector
{
    private readonly string _folder;
    private readonly ReadOnlyMemory<byte> _secret;

    /// <param name="secret">The signing secret; never derived from anything an attacker or a reader of the case can know.</param>
    public OutboxConnector(string folder, ReadOnlyMemory<byte> secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (secret.Length == 0)
            throw new ArgumentException("the outbox signing secret is empty", nameof(secret));
        _folder = folder;
        _secret = secret;
    }

    public string Name => "outbox";

    public async Task<ConnectorResult> SendAsync(ActionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Directory.CreateDirectory(_folder);
        // The file name is ours (action id and key), filtered anyway: an outbox is a folder other tools watch.
        var name = new string([.. $"{payload.ActionId}-{payload.IdempotencyKey}".Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(64)]);
        var body = Path.Combine(_folder, name + ".json");
        if (File.Exists(body))
            return new ConnectorResult(ConnectorOutcome.Accepted, null, 1, $"already in the outbox as {Path.GetFileName(body)}");
        var headers = $"{WebhookSignature.HeaderName}: {WebhookSignature.Sign(_secret.Span, payload.Body.Span)}\n{WebhookSignature.IdempotencyHeaderName}: {payload.IdempotencyKey}\n";
        await File.WriteAllBytesAsync(body + ".tmp", payload.Body.ToArray(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.ChangeExtension(body, ".sig"), headers, cancellationToken).ConfigureAwait(false);
        File.Move(body + ".tmp", body);
        return new ConnectorResult(ConnectorOutcome.Accepted, null, 1, $"written to the outbox as {Path.GetFileName(body)}");
    }
}
