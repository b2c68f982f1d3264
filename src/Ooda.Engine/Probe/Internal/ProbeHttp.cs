using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Authentication;
using System.Text;

namespace Ooda.Engine.Probe.Internal;

/// <summary>
/// The only way the probe talks to a server: GET only, never follows a redirect, no cookies, one request at a time with
/// a pause between them, a hard cap on their number, a per-request timeout, bounded reads. After a timeout, a failed
/// connection or a 429/503 it sends nothing more to the host.
/// </summary>
internal sealed class ProbeHttp : IDisposable
{
    public const string UserAgent = "Ooda-probe/1.0 (read-only exposure check)";

    private const int MaxHeaderValueChars = 512;
    private const int MaxHeaders = 100;

    private readonly ProbeOptions _options;
    private readonly HttpClient _client;
    private readonly List<ProbeRequest> _log = [];
    private readonly List<string> _notes = [];
    private string? _stopReason;
    private bool _sentAny;
    private bool _untrustedCertificateSeen;

    public ProbeHttp(ProbeOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.Timeout,
            MaxConnectionsPerServer = 1,
            MaxResponseHeadersLength = 64,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = ValidateCertificate },
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public IReadOnlyList<ProbeRequest> Log => _log;

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The host asked us to back off, or could not be reached: nothing more will be sent.</summary>
    public bool Stopped => _stopReason is not null;

    /// <summary>At least one request got an HTTP answer.</summary>
    public bool AnyAnswer { get; private set; }

    public async Task<ProbeResponse> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        if (_stopReason is not null)
            return NotSent(pathAndQuery, _stopReason);
        if (_log.Count >= _options.MaxRequests)
            return NotSent(pathAndQuery, $"the probe sends at most {_options.MaxRequests} requests");
        if (_sentAny && _options.Spacing > TimeSpan.Zero)
            await Task.Delay(_options.Spacing, cancellationToken).ConfigureAwait(false);
        _sentAny = true;

        var response = await SendAsync(pathAndQuery, cancellationToken).ConfigureAwait(false);
        _log.Add(new ProbeRequest("GET", pathAndQuery, response.Status, OutcomeName(response.Outcome), response.Error));
        if (response.Answered)
            AnyAnswer = true;
        return response;
    }

    public void Dispose() => _client.Dispose();

    private async Task<ProbeResponse> SendAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.Target, pathAndQuery)) { Version = HttpVersion.Version11 };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var headers = Headers(response);
            var body = await ReadBodyAsync(response.Content, timeout.Token).ConfigureAwait(false);
            var location = response.Headers.Location is { } l ? new Uri(request.RequestUri!, l) : null;
            var status = (int)response.StatusCode;
            if (status is 429 or 503)
                StopAfterBackOff(status, response.Headers.RetryAfter);
            return new ProbeResponse(pathAndQuery, ProbeOutcome.Answered, status, headers, body, location, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Stop(pathAndQuery, ProbeOutcome.Timeout, $"no answer within {Seconds(_options.Timeout)}");
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError || e.InnerException is AuthenticationException)
        {
            var hint = _options.AcceptInvalidCertificates ? "" : " (a self-signed certificate is accepted only with --insecure)";
            return Stop(pathAndQuery, ProbeOutcome.TlsError, $"TLS handshake failed: {Innermost(e)}{hint}");
        }
        catch (HttpRequestException e) when (AnyAnswer && e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.ConnectionError or HttpRequestError.Unknown)
        {
            // The host answered other requests, so a dropped connection is this request being refused.
            return ProbeResponse.Failed(pathAndQuery, ProbeOutcome.Aborted, $"connection closed without an answer: {Innermost(e)}");
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded or HttpRequestError.Unknown)
        {
            return Stop(pathAndQuery, ProbeOutcome.ConnectionError, $"cannot connect: {Innermost(e)}");
        }
        catch (HttpRequestException e)
        {
            return ProbeResponse.Failed(pathAndQuery, ProbeOutcome.Error, Innermost(e));
        }
        catch (IOException e)
        {
            // The body broke off after the headers: keep the answer's absence, not the half body.
            return ProbeResponse.Failed(pathAndQuery, AnyAnswer ? ProbeOutcome.Aborted : ProbeOutcome.Error, e.Message);
        }
    }

    private async Task<string> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[_options.MaxBodyBytes];
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                filled += read;
            return Encoding.UTF8.GetString(buffer, 0, filled);
        }
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            if (headers.Count >= MaxHeaders)
                break;
            headers[name] = Clip(string.Join(", ", values));
        }

        return headers;
    }

    private void StopAfterBackOff(int status, RetryConditionHeaderValue? retryAfter)
    {
        var wait = retryAfter?.Delta is { } delta ? $"Retry-After {Seconds(delta)}"
            : retryAfter?.Date is { } date ? "Retry-After " + date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
            : "no Retry-After";
        _stopReason = $"the server asked us to back off ({status}, {wait}); nothing more was sent";
        _notes.Add(_stopReason);
    }

    private ProbeResponse Stop(string path, ProbeOutcome outcome, string error)
    {
        _stopReason = $"not sent after an earlier request failed ({error})";
        return ProbeResponse.Failed(path, outcome, error);
    }

    private ProbeResponse NotSent(string path, string why)
    {
        _log.Add(new ProbeRequest("GET", path, null, OutcomeName(ProbeOutcome.NotSent), why));
        return ProbeResponse.Failed(path, ProbeOutcome.NotSent, why);
    }

    private bool ValidateCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        if (!_options.AcceptInvalidCertificates)
            return false;
        if (!_untrustedCertificateSeen)
        {
            _untrustedCertificateSeen = true;
            _notes.Add($"the server's TLS certificate is not trusted ({errors}); accepted only because of --insecure");
        }

        return true;
    }

    internal static string OutcomeName(ProbeOutcome outcome) => outcome switch
    {
        ProbeOutcome.Answered => "answered",
        ProbeOutcome.Timeout => "timeout",
        ProbeOutcome.TlsError => "tls-error",
        ProbeOutcome.ConnectionError => "connection-error",
        ProbeOutcome.Aborted => "aborted",
        ProbeOutcome.NotSent => "not-sent",
        _ => "error",
    };

    internal static string Clip(string value) => value.Length <= MaxHeaderValueChars ? value : string.Concat(value.AsSpan(0, MaxHeaderValueChars - 1), "…");

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
            e = e.InnerException;
        return e.Message;
    }
}
