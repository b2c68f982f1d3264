namespace Ooda.Response;

/// <summary>Where and how the webhook connector sends actions.</summary>
public sealed record WebhookOptions
{
    public required Uri Endpoint { get; init; }

    /// <summary>The per-connector secret the body is signed with.</summary>
    public required ReadOnlyMemory<byte> Secret { get; init; }

    /// <summary>How long one attempt may take, connect to last byte.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, only on transient failures (5xx, 408, 429, network, timeout).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first retry's delay; each next one doubles, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for; the exponential delay is used instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The agent's answer is read up to this size; the rest is ignored.</summary>
    public int MaxResponseBytes { get; init; } = 64 * 1024;
}
