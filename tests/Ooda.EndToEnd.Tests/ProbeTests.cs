using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Ooda.EndToEnd.Tests;

/// <summary><c>ooda probe</c> through the real CLI against an in-process fake Exchange 2019 CU9 front end on 127.0.0.1.</summary>
public sealed class ProbeTests
{
    [Fact]
    public async Task Probing_a_vulnerable_CU9_front_end_prints_the_json_verdicts_and_sends_only_gets()
    {
        await using var server = new VulnerableCu9FrontEnd();
        var (exit, stdout, stderr) = await Task.Run(() => OodaProcess.Run("probe", server.Url, "--json", "--timeout", "20s"));

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(server.Url, root.GetProperty("target").GetString());
        Assert.Equal("15.2.858.5", root.GetProperty("build").GetString());
        Assert.Equal("X-OWA-Version", root.GetProperty("buildSource").GetString());
        Assert.Equal("CU9", root.GetProperty("assessment").GetProperty("cu").GetString());
        var verdicts = root.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("verdict").GetString());
        Assert.Equal("indicates-vulnerable", verdicts["owa-build"]);
        Assert.Equal("indicates-vulnerable", verdicts["proxyshell-ssrf"]);
        Assert.Equal("indicates-vulnerable", verdicts["proxynotshell-mitigation"]);

        Assert.InRange(server.Requests.Count, 1, 6);
        Assert.All(server.Requests, r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.Equal(server.Requests.Count, root.GetProperty("requests").GetArrayLength());
    }

    [Theory]
    [InlineData("mail.example.com")]
    [InlineData("ftp://mail.example.com/")]
    [InlineData("https://user:secret@mail.example.com/")]
    public void A_target_that_is_not_an_http_url_with_a_host_exits_2_with_one_line(string target)
    {
        var (exit, stdout, stderr) = OodaProcess.Run("probe", target);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ooda: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_that_is_not_a_duration_exits_2()
    {
        var (exit, _, stderr) = OodaProcess.Run("probe", "https://mail.example.com", "--timeout", "soon");
        Assert.Equal(2, exit);
        Assert.Contains("--timeout", stderr, StringComparison.Ordinal);
    }

    /// <summary>Just enough of an Exchange 2019 CU9 front end: a logon page leaking its build, a back end behind the path confusion.</summary>
    private sealed class VulnerableCu9FrontEnd : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<string> _requests = [];
        private readonly Task _loop;

        public VulnerableCu9FrontEnd()
        {
            _listener.Start();
            _loop = Task.Run(AcceptAsync);
        }

        public string Url => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/";

        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                    return [.. _requests];
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    await using var stream = client.GetStream();
                    var head = await ReadHeadAsync(stream);
                    var requestLine = head.Split("\r\n")[0];
                    lock (_requests)
                        _requests.Add(requestLine);
                    var target = requestLine.Split(' ') is [_, var t, ..] ? t : "";
                    var (status, headers, body) = target.Split('?')[0] switch
                    {
                        "/owa/auth/logon.aspx" => ("200 OK", "X-OWA-Version: 15.2.858.5\r\nX-FEServer: EX01\r\n",
                            "<html><head><title>Outlook</title><link href=\"/owa/auth/15.2.858/themes/resources/favicon.ico\"></head></html>"),
                        "/autodiscover/autodiscover.json" => ("302 Found", "Location: /owa/auth/logon.aspx?url=%2fowa%2f\r\nX-CalculatedBETarget: ex01.corp.local\r\n", ""),
                        _ => ("404 Not Found", "", "not found"),
                    };
                    var bytes = Encoding.UTF8.GetBytes(body);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{headers}Content-Length: {bytes.Length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n"), _stop.Token);
                    await stream.WriteAsync(bytes, _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }

        private async Task<string> ReadHeadAsync(NetworkStream stream)
        {
            var buffer = new byte[16 * 1024];
            var filled = 0;
            while (filled < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token);
                if (read == 0)
                    break;
                filled += read;
                var text = Encoding.ASCII.GetString(buffer, 0, filled);
                if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
                    return text;
            }

            return Encoding.ASCII.GetString(buffer, 0, filled);
        }
    }
}
