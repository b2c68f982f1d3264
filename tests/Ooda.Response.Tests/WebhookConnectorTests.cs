using System.Text;
using Ooda.Store;

namespace Ooda.Response.Tests;

public sealed class WebhookConnectorTests
{
    private static readonly byte[] _secret = Encoding.UTF8.GetBytes("per-connector secret");

    private static WebhookConnector Connector(Uri endpoint, int retries = 3, TimeSpan? timeout = null) => new(new WebhookOptions
    {
        Endpoint = endpoint,
        Secret = _secret,
        MaxRetries = retries,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = timeout ?? TimeSpan.FromSeconds(10),
    });

    private static ActionPayload Payload() =>
        ActionPayload.For(Actions.Make(StoredActionStates.Dispatched, parameters: new Dictionary<string, string> { ["path"] = "C:\\x\\'; calc #.aspx" }), ResponseMode.Authorize, Actions.T0);

    [Fact]
    public async Task Posts_the_signed_body_with_its_idempotency_key_and_reads_the_agents_answer()
    {
        using var receiver = new WebhookReceiver((200, """{"status":"done","detail":"host isolated"}""", TimeSpan.Zero));
        using var connector = Connector(receiver.Endpoint);
        var payload = Payload();
        var result = await connector.SendAsync(payload, CancellationToken.None);
        Assert.Equal(new ConnectorResult(ConnectorOutcome.Done, 200, 1, "host isolated"), result);
        var (headers, body) = Assert.Single(receiver.Requests);
        Assert.Equal(payload.Body.ToArray(), body);
        Assert.True(WebhookSignature.Verify(_secret, body, headers[WebhookSignature.HeaderName]));
        Assert.False(WebhookSignature.Verify("another secret"u8, body, headers[WebhookSignature.HeaderName]));
        Assert.Equal("ooda-key-A-0001-d1", headers[WebhookSignature.IdempotencyHeaderName]);
        Assert.StartsWith("application/json", headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_a_503_with_the_same_body_signature_and_key_until_it_succeeds()
    {
        using var receiver = new WebhookReceiver((503, "busy", TimeSpan.Zero), (503, "busy", TimeSpan.Zero), (202, "", TimeSpan.Zero));
        using var connector = Connector(receiver.Endpoint);
        var result = await connector.SendAsync(Payload(), CancellationToken.None);
        Assert.Equal((ConnectorOutcome.Accepted, 202, 3), (result.Outcome, result.StatusCode, result.Attempts));
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Headers[WebhookSignature.IdempotencyHeaderName]).Distinct());
        Assert.Single(receiver.Requests.Select(r => r.Headers[WebhookSignature.HeaderName]).Distinct());
        Assert.Single(receiver.Requests.Select(r => Convert.ToHexString(r.Body)).Distinct());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task A_client_error_is_not_retried(int status)
    {
        using var receiver = new WebhookReceiver((status, """{"detail":"unknown host"}""", TimeSpan.Zero));
        using var connector = Connector(receiver.Endpoint);
        var result = await connector.SendAsync(Payload(), CancellationToken.None);
        Assert.Equal((ConnectorOutcome.Failed, status, 1), (result.Outcome, result.StatusCode, result.Attempts));
        Assert.Contains("not retried: unknown host", result.Detail, StringComparison.Ordinal);
        Assert.Single(receiver.Requests);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task Transient_answers_are_retried_and_fail_once_retries_run_out(int status)
    {
        using var receiver = new WebhookReceiver((status, "", TimeSpan.Zero));
        using var connector = Connector(receiver.Endpoint, retries: 2);
        var result = await connector.SendAsync(Payload(), CancellationToken.None);
        Assert.Equal((ConnectorOutcome.Failed, status, 3), (result.Outcome, result.StatusCode, result.Attempts));
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_takes_too_long_times_out_and_is_retried()
    {
        using var receiver = new WebhookReceiver((200, "", TimeSpan.FromSeconds(30)));
        using var connector = Connector(receiver.Endpoint, retries: 1, timeout: TimeSpan.FromMilliseconds(200));
        var result = await connector.SendAsync(Payload(), CancellationToken.None);
        Assert.Equal((ConnectorOutcome.Failed, (int?)null, 2), (result.Outcome, result.StatusCode, result.Attempts));
        Assert.Contains("timed out", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        Uri endpoint;
        using (var receiver = new WebhookReceiver((200, "", TimeSpan.Zero)))
            endpoint = receiver.Endpoint;
        using var connector = Connector(endpoint, retries: 2);
        var result = await connector.SendAsync(Payload(), CancellationToken.None);
        Assert.Equal((ConnectorOutcome.Failed, 3), (result.Outcome, result.Attempts));
        Assert.Contains("not delivered", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"failed","detail":"agent offline"}""", ConnectorOutcome.Failed, "agent offline")]
    [InlineData("""{"status":"accepted"}""", ConnectorOutcome.Accepted, "")]
    [InlineData("not json", ConnectorOutcome.Accepted, "not json")]
    [InlineData("[1,2]", ConnectorOutcome.Accepted, "[1,2]")]
    public async Task The_agents_answer_decides_done_accepted_or_failed(string answer, ConnectorOutcome outcome, string detail)
    {
        using var receiver = new WebhookReceiver((200, answer, TimeSpan.Zero));
        using var connector = Connector(receiver.Endpoint);
        var result = await connector.SendAsync(Payload(), CancellationToken.None);
        Assert.Equal((outcome, detail), (result.Outcome, result.Detail));
    }

    [Fact]
    public void Refuses_an_endpoint_that_is_not_http_or_an_empty_secret()
    {
        Assert.Throws<ArgumentException>(() => new WebhookConnector(new WebhookOptions { Endpoint = new Uri("file:///etc/passwd"), Secret = _secret }));
        Assert.Throws<ArgumentException>(() => new WebhookConnector(new WebhookOptions { Endpoint = new Uri("http://127.0.0.1/"), Secret = Array.Empty<byte>() }));
    }

    [Theory]
    [InlineData("http://agent.example/hook")]
    [InlineData("http://10.0.0.7:8080/hook")]
    [InlineData("http://[2001:db8::1]/hook")]
    public void Refuses_plain_http_to_another_host(string endpoint) =>
        Assert.Throws<ArgumentException>(() => new WebhookConnector(new WebhookOptions { Endpoint = new Uri(endpoint), Secret = _secret }));

    [Theory]
    [InlineData("https://agent.example/hook")]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[::1]/hook")]
    public void Accepts_https_anywhere_and_plain_http_to_loopback(string endpoint)
    {
        using var connector = new WebhookConnector(new WebhookOptions { Endpoint = new Uri(endpoint), Secret = _secret });
        Assert.Equal("webhook", connector.Name);
    }
}
