using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ooda.Response.Internal;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Ooda.Response;

/// <summary>
/// Sends endpoint-agent actions as signed JSON to a webhook: <c>X-Ooda-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>,
/// an <c>Idempotency-Key</c> stable across retries, a timeout per attempt, and retries with exponential backoff and jitter
/// only on transient failures (5xx, 408, 429, network errors, timeouts).
/// </summary>
public sealed class WebhookConnector : IActionConnector, IDisposable
{
    private readonly WebhookOptions _options;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly ResiliencePipeline<WebhookAttempt> _pipeline;

    public WebhookConnector(WebhookOptions options, HttpClient? client = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint.Scheme is not ("http" or "https"))
            throw new ArgumentException($"webhook endpoint {options.Endpoint} is not http or https", nameof(options));
        if (!IsAllowedEndpoint(options.Endpoint))
            throw new ArgumentException($"webhook endpoint {options.Endpoint} is plain http to another host; use https (plain http only to loopback)", nameof(options));
        if (options.Secret.Length == 0)
            throw new ArgumentException("the webhook secret is empty", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        _options = options;
        _ownsClient = client is null;
        _client = client ?? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        _pipeline = BuildPipeline(options, timeProvider ?? TimeProvider.System);
    }

    public string Name => "webhook";

    public async Task<ConnectorResult> SendAsync(ActionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var signature = WebhookSignature.Sign(_options.Secret.Span, payload.Body.Span);
        var attempts = 0;
        try
        {
            var last = await _pipeline.ExecuteAsync(async token =>
            {
                Interlocked.Increment(ref attempts);
                return await SendOnceAsync(payload, signature, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            if (last.StatusCode is >= 200 and < 300)
            {
                var (outcome, detail) = AgentAnswer.Read(last.Body, ConnectorOutcome.Accepted);
                return new ConnectorResult(outcome, last.StatusCode, attempts, detail);
            }

            var reason = IsTransient(last.StatusCode) ? $"HTTP {last.StatusCode} after {attempts} attempts" : $"HTTP {last.StatusCode}, not retried";
            var said = AgentAnswer.Read(last.Body, ConnectorOutcome.Failed).Detail;
            return new ConnectorResult(ConnectorOutcome.Failed, last.StatusCode, attempts, said.Length == 0 ? reason : $"{reason}: {said}");
        }
        catch (TimeoutRejectedException)
        {
            return new ConnectorResult(ConnectorOutcome.Failed, null, attempts, $"timed out ({_options.AttemptTimeout.TotalSeconds:0.###} s per attempt) after {attempts} attempts");
        }
        catch (HttpRequestException e)
        {
            return new ConnectorResult(ConnectorOutcome.Failed, null, attempts, $"not delivered after {attempts} attempts: {e.Message}");
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
            _client.Dispose();
    }

    /// <summary>https anywhere; plain http only to this machine, where nobody on the path can read or change the signed body.</summary>
    public static bool IsAllowedEndpoint(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsAbsoluteUri && (endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback));
    }

    /// <summary>Server errors, request timeout and too-many-requests are worth another try; other answers are final.</summary>
    public static bool IsTransient(int statusCode) => statusCode >= 500 || statusCode is 408 or 429;

    private async Task<WebhookAttempt> SendOnceAsync(ActionPayload payload, string signature, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint);
        var content = new ReadOnlyMemoryContent(payload.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Content = content;
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdempotencyHeaderName, payload.IdempotencyKey);
        request.Headers.TryAddWithoutValidation("X-Ooda-Action", payload.ActionId);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Ooda", "1"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
        var body = await ReadBoundedAsync(response, token).ConfigureAwait(false);
        TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta;
        return new WebhookAttempt((int)response.StatusCode, body, retryAfter);
    }

    private async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken token)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        var buffer = new byte[_options.MaxResponseBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), token).ConfigureAwait(false);
            if (read == 0)
                break;
            filled += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, filled);
    }

    private static ResiliencePipeline<WebhookAttempt> BuildPipeline(WebhookOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<WebhookAttempt> { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<WebhookAttempt>
            {
                ShouldHandle = new PredicateBuilder<WebhookAttempt>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(a => IsTransient(a.StatusCode)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                // Honour a short Retry-After (429/503); otherwise the exponential delay applies.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } after && after >= TimeSpan.Zero && after <= options.MaxRetryAfter ? after : (TimeSpan?)null),
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }
}
