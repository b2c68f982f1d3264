using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ooda.Response.Tests;

/// <summary>A real HTTP receiver on 127.0.0.1 answering from a script of responses, recording every request it got.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<(int Status, string Body, TimeSpan Delay)> _answers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly object _gate = new();

    public WebhookReceiver(params (int Status, string Body, TimeSpan Delay)[] answers)
    {
        foreach (var answer in answers)
            _answers.Enqueue(answer);
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public List<(Dictionary<string, string> Headers, byte[] Body)> Requests { get; } = [];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        (int Status, string Body, TimeSpan Delay) answer;
        lock (_gate)
        {
            Requests.Add((context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase), body.ToArray()));
            answer = _answers.Count > 1 ? _answers.Dequeue() : _answers.Peek();
        }

        try
        {
            if (answer.Delay > TimeSpan.Zero)
                await Task.Delay(answer.Delay, _stop.Token);
            context.Response.StatusCode = answer.Status;
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            // The client gave up (a timeout) or the receiver is stopping.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
