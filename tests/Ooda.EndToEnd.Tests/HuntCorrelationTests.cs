using System.Globalization;
using System.Text.Json;
using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary>
/// <c>ooda hunt</c> with a Sigma correlation through the real CLI: a password spray from one address (12 failed
/// logons in two minutes) fires the brute-force correlation once; a slow address (one attempt every two minutes)
/// never reaches 10 in five minutes; the base rule, with <c>generate: false</c>, is not printed on its own.
/// </summary>
public sealed class HuntCorrelationTests : IDisposable
{
    private const string Attacker = "203.0.113.66";
    private const string Slow = "198.51.100.23";

    private const string Rules = """
        title: Failed logon
        id: 5638f7c0-ac70-491d-8465-2a65075e0d86
        name: failed_logon
        level: low
        logsource:
          product: windows
          service: security
        detection:
          selection:
            EventID: 4625
          condition: selection
        ---
        title: Brute force from one address
        id: 0e95725d-7320-415d-80f7-004da920fc11
        level: high
        correlation:
          type: event_count
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 5m
          condition:
            gte: 10
        ---
        title: Successful logon
        id: 9e2a3c4d-1111-4a4a-8b8b-000000000001
        level: informational
        logsource:
          product: windows
          service: security
        detection:
          selection:
            EventID: 4624
          condition: selection
        """;

    private readonly TempDirectory _dir = new();

    public HuntCorrelationTests()
    {
        var start = new DateTime(2024, 5, 1, 10, 2, 30, DateTimeKind.Utc);
        var lines = new List<string>();
        var record = 1000;
        for (var i = 0; i < 12; i++)
            lines.Add(Event(4625, start.AddSeconds(i * 10), Attacker, "administrator", record++));
        for (var i = 0; i < 12; i++)
            lines.Add(Event(4625, start.AddMinutes(i * 2), Slow, "svc_sql", record++));
        lines.Add(Event(4624, start.AddMinutes(30), "10.0.0.8", "alice", record++));
        lines.Sort(StringComparer.Ordinal); // not in time order: the correlation stage sorts
        File.WriteAllLines(_dir.File("evidence/security.jsonl"), lines);
        File.WriteAllText(_dir.File("rules/brute_force.yml"), Rules);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_brute_force_correlation_fires_once_for_the_attacking_address_only()
    {
        var (exit, stdout, stderr) = Hunt();
        Assert.True(exit == 0, stderr);
        var lines = Lines(stdout);
        var correlation = Assert.Single(lines, l => l.TryGetProperty("correlation", out _));
        Assert.Equal("Brute force from one address", correlation.GetProperty("title").GetString());
        Assert.Equal("high", correlation.GetProperty("level").GetString());
        Assert.Equal("correlation", correlation.GetProperty("source").GetString());
        var details = correlation.GetProperty("correlation");
        Assert.Equal("event_count", details.GetProperty("type").GetString());
        Assert.Equal(Attacker, details.GetProperty("groupBy").GetProperty("IpAddress").GetString());
        Assert.Equal(12, details.GetProperty("events").GetInt32());
        Assert.Equal(12, details.GetProperty("value").GetDouble());
        Assert.Equal("2024-05-01T10:02:30Z", details.GetProperty("windowStart").GetString()?[..19] + "Z");
        Assert.Equal(12, details.GetProperty("contributing").GetArrayLength());
        Assert.EndsWith("security.jsonl", details.GetProperty("contributing")[0].GetProperty("provenance").GetProperty("file").GetString(), StringComparison.Ordinal);

        // generate: false keeps the 24 failed logons out of the output; the unrelated rule still reports.
        Assert.DoesNotContain(lines, l => l.GetProperty("title").GetString() == "Failed logon");
        Assert.Single(lines, l => l.GetProperty("title").GetString() == "Successful logon");
        Assert.Contains("correlations: 1 rules, 1 fired, from 24 base hits", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hunt_over_the_store_correlates_the_same_way()
    {
        var workspace = _dir.File("store-ws");
        var (ingestExit, _, ingestErr) = OodaProcess.Run("ingest", _dir.File("evidence/security.jsonl"), "--tenant", "acme", "--host", "dc01", "--workspace", workspace);
        Assert.True(ingestExit == 0, ingestErr);
        var (exit, stdout, stderr) = OodaProcess.Run("hunt", "--store", "--sigma", _dir.File("rules"), "--json", "--workspace", workspace);
        Assert.True(exit == 0, stderr);
        var correlation = Assert.Single(Lines(stdout), l => l.TryGetProperty("correlation", out _));
        Assert.Equal(Attacker, correlation.GetProperty("correlation").GetProperty("groupBy").GetProperty("IpAddress").GetString());
        Assert.Equal("acme", correlation.GetProperty("tenant").GetString());
    }

    [Fact]
    public void The_correlation_counts_for_fail_on()
    {
        var (exit, _, stderr) = Hunt("--fail-on", "high");
        Assert.True(exit == 1, stderr);
    }

    [Fact]
    public void The_table_shows_the_correlation_row()
    {
        var (exit, stdout, stderr) = OodaProcess.Run("hunt", _dir.File("evidence/security.jsonl"), "--sigma", _dir.File("rules"), "--tenant", "acme", "--host", "dc01", "--workspace", _dir.File("ws"));
        Assert.True(exit == 0, stderr);
        // The table wraps in a narrow console: look for pieces that survive wrapping.
        Assert.Contains("count=12", stdout, StringComparison.Ordinal);
        Assert.Contains("Brute", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.", stdout, StringComparison.Ordinal);
        Assert.Contains("2 detections", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme", 0)]
    [InlineData("globex", 1)]
    public void A_tenant_allow_list_given_with_filters_silences_the_correlation_for_that_tenant_only(string allowedFor, int expected)
    {
        File.WriteAllText(_dir.File($"allow-{allowedFor}/pentest.yml"), $"""
            title: Authorised penetration test
            logsource:
              product: windows
              service: security
            ooda-tenants: [{allowedFor}]
            filter:
              rules: [failed_logon]
              selection:
                IpAddress: '{Attacker}'
              condition: selection
            """);
        var (exit, stdout, stderr) = Hunt("--filters", _dir.File($"allow-{allowedFor}"));
        Assert.True(exit == 0, stderr);
        Assert.Equal(expected, Lines(stdout).Count(l => l.TryGetProperty("correlation", out _)));
    }

    [Fact]
    public void A_missing_filter_folder_is_bad_input()
    {
        var (exit, _, stderr) = Hunt("--filters", _dir.File("no-such-folder"));
        Assert.Equal(2, exit);
        Assert.Contains("--filters", stderr, StringComparison.Ordinal);
    }

    private (int ExitCode, string Stdout, string Stderr) Hunt(params string[] extra) =>
        OodaProcess.Run([
            "hunt", _dir.File("evidence/security.jsonl"), "--sigma", _dir.File("rules"), "--json",
            "--tenant", "acme", "--host", "dc01", "--workspace", _dir.File("ws"), .. extra]);

    private static List<JsonElement> Lines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string Event(int eventId, DateTime time, string ip, string user, int record) =>
        "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Security-Auditing\"}},"
        + $"\"EventID\":{eventId},\"TimeCreated\":{{\"#attributes\":{{\"SystemTime\":\"{time.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)}\"}}}},"
        + $"\"EventRecordID\":{record},\"Channel\":\"Security\",\"Computer\":\"dc01.acme.local\"}},"
        + $"\"EventData\":{{\"TargetUserName\":\"{user}\",\"IpAddress\":\"{ip}\",\"LogonType\":3}}}}}}";
}
