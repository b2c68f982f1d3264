using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Ooda.LoadTest;

/// <summary>
/// Readers hammer the main API reads while one stream uploads evidence, for a bounded time; then the queue is watched
/// until every upload is hunted, and the receipts are written for the store check.
/// </summary>
internal static class LoadRun
{
    private static readonly TimeSpan _drainLimit = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(LoadSettings settings)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients + 8, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = settings.Console, Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        (string Name, string Path)[] routes =
        [
            ("fleet", "/api/exposure"), ("leads", "/api/leads"), ("case", $"/api/cases/{settings.CaseId}"), ("timeline", $"/api/cases/{settings.CaseId}/timeline"),
        ];
        foreach (var (name, path) in routes)
        {
            using var probe = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
            if (!probe.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"{name} {path}: {(int)probe.StatusCode} {await probe.Content.ReadAsStringAsync().ConfigureAwait(false)}");
                return 1;
            }
        }

        var stats = routes.Select(r => new RouteStats(r.Name)).ToArray();
        var uploadStats = new RouteStats("upload");
        var receipts = new List<UploadReceiptLine>();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(settings.Seconds);
        var readers = Enumerable.Range(0, settings.Clients).Select(client => Task.Run(async () =>
        {
            for (var i = client; clock.Elapsed < deadline; i++)
            {
                var route = i % routes.Length;
                var (ms, error) = await TimedAsync(() => http.GetAsync(new Uri(routes[route].Path, UriKind.Relative))).ConfigureAwait(false);
                stats[route].Add(ms, error);
            }
        })).ToArray();
        var uploader = Task.Run(() => UploadAsync(http, settings, clock, uploadStats, receipts));
        await Task.WhenAll([.. readers, uploader]).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Clients} readers for {seconds:0.0} s, {receipts.Count} uploads (latency in ms, nearest-rank percentiles):"));
        foreach (var route in stats.Append(uploadStats))
            Console.WriteLine("  " + route.Summary(seconds));
        var reads = stats.Sum(s => s.Requests);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all reads {reads} req, {reads / seconds:0.0}/s, errors {stats.Sum(s => s.Errors)}"));

        await File.WriteAllLinesAsync(settings.ReceiptsPath, receipts.Select(r => r.ToLine())).ConfigureAwait(false);
        var accepted = receipts.Where(r => r.QueueId > 0).ToList();
        if (accepted.Count != settings.Uploads)
        {
            Console.WriteLine($"uploads refused or failed: {settings.Uploads - accepted.Count}");
            return 1;
        }

        return await DrainAsync(http, settings, accepted).ConfigureAwait(false);
    }

    /// <summary>Spreads the uploads over the first 80% of the run; every tenth re-sends the previous file (a duplicate the queue must absorb).</summary>
    private static async Task UploadAsync(HttpClient http, LoadSettings settings, Stopwatch clock, RouteStats stats, List<UploadReceiptLine> receipts)
    {
        var spacing = TimeSpan.FromSeconds(settings.Seconds * 0.8 / Math.Max(1, settings.Uploads));
        for (var number = 0; number < settings.Uploads; number++)
        {
            var wait = spacing * number - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait).ConfigureAwait(false);
            var source = number % 10 == 9 ? number - 1 : number;
            var host = "load-" + (source % 4 + 1).ToString("00", CultureInfo.InvariantCulture);
            var content = EvidenceGenerator.IisLog(source);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
            var path = $"/api/ingest/{settings.Tenant}/{host}?name=u_ex{source.ToString("0000", CultureInfo.InvariantCulture)}.log";
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsync(new Uri(path, UriKind.Relative), new ByteArrayContent(content)).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    stats.Add(ms, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                    receipts.Add(new UploadReceiptLine(number, settings.Tenant, host, sha256, 0, false, (int)response.StatusCode));
                    continue;
                }

                using var json = JsonDocument.Parse(body);
                var returned = json.RootElement.GetProperty("sha256").GetString();
                stats.Add(ms, returned == sha256 ? null : "hash-mismatch");
                receipts.Add(new UploadReceiptLine(number, settings.Tenant, host, sha256, json.RootElement.GetProperty("queueId").GetInt64(),
                    json.RootElement.GetProperty("duplicate").GetBoolean(), (int)response.StatusCode));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                stats.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
                receipts.Add(new UploadReceiptLine(number, settings.Tenant, host, sha256, 0, false, 0));
            }
        }
    }

    /// <summary>Watches the queue until every uploaded file is hunted (or failed), up to a limit.</summary>
    private static async Task<int> DrainAsync(HttpClient http, LoadSettings settings, List<UploadReceiptLine> accepted)
    {
        var wanted = accepted.Select(r => r.QueueId).ToHashSet();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await http.GetAsync(new Uri($"/api/ingest?tenant={settings.Tenant}", UriKind.Relative)).ConfigureAwait(false);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            var states = json.RootElement.EnumerateArray()
                .Where(i => wanted.Contains(i.GetProperty("queueId").GetInt64()))
                .GroupBy(i => i.GetProperty("state").GetString() ?? "?")
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var settled = states.GetValueOrDefault("hunted") + states.GetValueOrDefault("failed");
            if (settled == wanted.Count || clock.Elapsed > _drainLimit)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"queue: {wanted.Count} distinct files from {accepted.Count} uploads ({accepted.Count(r => r.Duplicate)} duplicates); drained {clock.Elapsed.TotalSeconds:0.0} s after the load: {string.Join(", ", states.Select(s => $"{s.Key} {s.Value}"))}"));
                return states.GetValueOrDefault("hunted") == wanted.Count ? 0 : 1;
            }

            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
    }

    private static async Task<(double Milliseconds, string? Error)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await send().ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
        }
    }
}
