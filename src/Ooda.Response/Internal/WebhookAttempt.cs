namespace Ooda.Response.Internal;

/// <summary>One HTTP exchange, read within the attempt's timeout so the body cannot stall a retry loop.</summary>
internal sealed record WebhookAttempt(int StatusCode, string Body, TimeSpan? RetryAfter);
