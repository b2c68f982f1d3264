using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Ooda.Engine.Tests.Probe;

/// <summary>
/// An in-process Exchange front end on 127.0.0.1 (an ephemeral port), speaking just enough HTTP/1.1 over a raw
/// <see cref="TcpListener"/>: one request per connection, answered by a scenario, every request recorded.
/// With a certificate it speaks TLS.
/// </summary>
public sealed class FakeExchangeFrontEnd : IAsyncDisposable
{
    public const string Cu9Build = "15.2.858.5";

    private const int MaxHeaderBytes = 16 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<FakeRequest, FakeResponse> _answer;
    private readonly X509Certificate2? _certificate;
    private readonly ConcurrentQueue<FakeRequest> _received = new();
    private readonly Task _loop;

    public FakeExchangeFrontEnd(Func<FakeRequest, FakeResponse> answer, X509Certificate2? certificate = null)
    {
        _answer = answer;
        _certificate = certificate;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public IReadOnlyList<FakeRequest> Received => [.. _received];

    /// <summary>Exchange 2019 CU9 base build, before ProxyShell's fix: leaks its build, routes the path confusion to a back end.</summary>
    public static FakeResponse VulnerableCu9(FakeRequest request) => request.Path switch
    {
        "/owa/auth/logon.aspx" => Page(Cu9Build, "15.2.858"),
        "/owa/" => Redirect("/owa/auth/logon.aspx?url=%2fowa%2f", ("X-FEServer", "EX01")),
        "/autodiscover/autodiscover.json" => Redirect("/owa/auth/logon.aspx?url=%2fowa%2f&reason=0", ("X-FEServer", "EX01"), ("X-CalculatedBETarget", "ex01.corp.local")),
        _ => NotFound(),
    };

    /// <summary>Exchange 2019 CU11 Nov22SU: only a three-part path in the page, the full build in X-OWA-Version; refuses both shapes.</summary>
    public static FakeResponse PatchedCu11(FakeRequest request) => request.Path switch
    {
        "/owa/auth/logon.aspx" => Page("15.2.986.36", "15.2.986"),
        "/autodiscover/autodiscover.json" => new FakeResponse(400, [("X-FEServer", "EX02")], "<html><body>Bad Request: Protocol</body></html>"),
        _ => NotFound(),
    };

    /// <summary>Exchange 2019 CU11 Oct22SU (ProxyNotShell unpatched) with the URL-rewrite mitigation: the autodiscover+powershell shape is aborted.</summary>
    public static FakeResponse MitigatedCu11(FakeRequest request) =>
        request.Target.Contains("autodiscover", StringComparison.OrdinalIgnoreCase) && request.Target.Contains("powershell", StringComparison.OrdinalIgnoreCase)
            ? FakeResponse.Aborted()
            : request.Path switch
            {
                "/owa/auth/logon.aspx" => Page("15.2.986.30", "15.2.986"),
                _ => NotFound(),
            };

    /// <summary>Answers every path with a redirect to another host name that reaches this same server, so a followed redirect would show up.</summary>
    public Func<FakeRequest, FakeResponse> RedirectToAnotherHost() =>
        _ => new FakeResponse(302, [("Location", $"http://localhost:{Port.ToString(CultureInfo.InvariantCulture)}/followed")]);

    public static FakeResponse RateLimited(FakeRequest request) => new(429, [("Retry-After", "120")], "slow down");

    public static Func<FakeRequest, FakeResponse> Slow(TimeSpan delay) => request => VulnerableCu9(request) with { Delay = delay };

    /// <summary>A page whose title and resource paths say OWA; the build header only when given.</summary>
    public static FakeResponse Page(string? owaVersion, string resourceBuild, params (string Name, string Value)[] extra)
    {
        var body = $"""
            <!DOCTYPE html><html><head><title>Outlook</title>
            <link rel="shortcut icon" href="/owa/auth/{resourceBuild}/themes/resources/favicon.ico" type="image/x-icon">
            <script src="/owa/auth/{resourceBuild}/scripts/premium/flogon.js"></script></head><body>sign in</body></html>
            """;
        List<(string, string)> headers = [("X-FEServer", "EX01"), .. extra];
        if (owaVersion is not null)
            headers.Add(("X-OWA-Version", owaVersion));
        return new FakeResponse(200, headers, body);
    }

    public static FakeResponse Redirect(string location, params (string Name, string Value)[] extra) => new(302, [("Location", location), .. extra]);

    public static FakeResponse NotFound() => new(404, [], "not found");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(_certificate, clientCertificateRequired: false, checkCertificateRevocation: false);
                    stream = tls;
                }

                await using (stream)
                {
                    var request = await ReadRequestAsync(stream);
                    if (request is null)
                        return;
                    _received.Enqueue(request);
                    var response = _answer(request);
                    if (response.Delay > TimeSpan.Zero)
                        await Task.Delay(response.Delay, _stop.Token);
                    if (response.Abort)
                    {
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    await stream.WriteAsync(Serialize(response), _stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
            {
                // The client went away, failed the handshake, or the server is stopping.
            }
        }
    }

    private async Task<FakeRequest?> ReadRequestAsync(Stream stream)
    {
        var buffer = new byte[MaxHeaderBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token);
            if (read == 0)
                return null;
            if (filled == 0 && buffer[0] == 0x16)
                return null; // A TLS ClientHello on a plain-HTTP server: hang up.
            filled += read;
            var text = Encoding.ASCII.GetString(buffer, 0, filled);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
                continue;
            var lines = text[..end].Split("\r\n");
            var parts = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            return new FakeRequest(parts[0], parts.Length > 1 ? parts[1] : "", headers);
        }

        return null;
    }

    private static byte[] Serialize(FakeResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n")
            .Append("Server: Microsoft-IIS/10.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("Content-Type: text/html; charset=utf-8\r\nConnection: close\r\n");
        foreach (var (name, value) in response.Headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        _ => "Status",
    };
}
