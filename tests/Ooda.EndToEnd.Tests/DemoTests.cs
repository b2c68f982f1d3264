using System.Text.Json;
using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary>The demo fleet through the real CLI: generated, ingested, idempotent on a second ingest, and queryable.</summary>
public sealed partial class DemoTests : IClassFixture<DemoTests.DemoRun>
{
    private readonly DemoRun _demo;

    public DemoTests(DemoRun demo) => _demo = demo;

    [Fact]
    public void The_demo_ingests_every_generated_file_without_diagnostics()
    {
        var summary = _demo.Summary.RootElement;
        Assert.Equal(3, summary.GetProperty("tenants").GetInt32());
        Assert.True(summary.GetProperty("eventsAdded").GetInt64() > 30_000);
        Assert.Equal(summary.GetProperty("eventsAdded").GetInt64(), summary.GetProperty("eventsInWorkspace").GetInt64());
        Assert.Equal(0, summary.GetProperty("diagnostics").GetInt32());
        Assert.True(summary.GetProperty("capturedFiles").GetInt64() > 0);
    }

    [Fact]
    public void The_demo_triage_ranks_the_vulnerable_internet_facing_exchange_server_first()
    {
        var first = _demo.Summary.RootElement.GetProperty("triage")[0];
        Assert.Equal("acme-logistics", first.GetProperty("tenant").GetString());
        Assert.Equal("acme-ex01", first.GetProperty("host").GetString());
        Assert.Equal("critical", first.GetProperty("priority").GetString());
    }

    [Fact]
    public void Ingesting_the_demo_collection_again_adds_no_events()
    {
        var (exit, stdout, stderr) = OodaProcess.Run("ingest", Path.Combine(_demo.Output, "collection"), "--workspace", _demo.Workspace, "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("eventsAdded").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("filesIngested").GetInt32());
        Assert.True(json.RootElement.GetProperty("filesAlreadyIngested").GetInt32() > 100);
    }

    [Fact]
    public void Events_filters_by_host_id_and_field_and_prints_json_lines_with_provenance()
    {
        var intrusionHost = "acme-ex01";
        var (exit, stdout, stderr) = OodaProcess.Run("events", "--workspace", _demo.Workspace, "--host", intrusionHost,
            "--event-id", "1", "--where", "ParentImage=*\\w3wp.exe", "--where", "Image=*\\cmd.exe", "--limit", "0", "--json");
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var e = JsonDocument.Parse(line);
            var root = e.RootElement;
            Assert.Equal(intrusionHost, root.GetProperty("host").GetString());
            Assert.Equal(1, root.GetProperty("eventId").GetInt32());
            Assert.EndsWith("\\cmd.exe", root.GetProperty("fields").GetProperty("Image").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.EndsWith("Z", root.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
            Assert.Equal(64, root.GetProperty("provenance").GetProperty("sha256").GetString()!.Length);
            Assert.True(root.GetProperty("provenance").GetProperty("line").GetInt64() > 0);
        }
    }

    [Fact]
    public void Sql_answers_read_only_queries_over_the_store()
    {
        var (exit, stdout, stderr) = OodaProcess.Run("sql", "--workspace", _demo.Workspace, "--json",
            "SELECT count(*) AS n FROM events WHERE source_kind = 'iis-w3c' AND field(fields, 'cs-uri-stem') ILIKE '/autodiscover/autodiscover.json%'");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("n").GetInt64() > 0);
    }

    [SkippableFact]
    public void Hunting_the_demo_store_with_SigmaHQ_rules_finds_the_ProxyShell_intrusion_and_only_there()
    {
        var rules = Corpus.Require("sigma/rules-emerging-threats/2021");
        var (exit, stdout, stderr) = OodaProcess.Run("hunt", "--store", "--sigma", rules, "--workspace", _demo.Workspace, "--json");
        Assert.True(exit == 0, stderr);
        var hits = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var critical = hits.Where(h => h.GetProperty("level").GetString() == "critical").ToList();
        Assert.NotEmpty(critical);
        Assert.All(critical, h => Assert.Equal("acme-ex01", h.GetProperty("host").GetString()));
        Assert.Contains(critical, h => h.GetProperty("title").GetString()!.Contains("ProxyShell", StringComparison.Ordinal));
        Assert.All(hits, h => Assert.Equal(64, h.GetProperty("provenance").GetProperty("sha256").GetString()!.Length));

        // The findings gate: critical detections on the fleet fail a pipeline, none on a clean tenant.
        Assert.Equal(1, OodaProcess.Run("hunt", "--store", "--sigma", rules, "--workspace", _demo.Workspace, "--json", "--fail-on", "critical").ExitCode);
        Assert.Equal(0, OodaProcess.Run("hunt", "--store", "--sigma", rules, "--workspace", _demo.Workspace, "--json", "--fail-on", "high", "--tenant", "cobalt-legal").ExitCode);
    }

    [Theory]
    [InlineData("DELETE FROM event_rows")]
    [InlineData("COPY (SELECT 1) TO '/tmp/ooda-e2e-leak.csv'")]
    public void Sql_refuses_writes_with_exit_code_2_and_one_line(string sql)
    {
        var (exit, stdout, stderr) = OodaProcess.Run("sql", "--workspace", _demo.Workspace, sql);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ooda: sql: ", stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>ooda demo</c> once for the whole class.</summary>
    public sealed class DemoRun : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public DemoRun()
        {
            Output = Path.Combine(_dir.Path, "demo");
            Workspace = Path.Combine(_dir.Path, "ws");
            var (exit, stdout, stderr) = OodaProcess.Run("demo", "--output", Output, "--workspace", Workspace, "--json");
            if (exit != 0)
                throw new InvalidOperationException($"ooda demo failed ({exit}): {stderr}");
            Summary = JsonDocument.Parse(stdout);
        }

        public string Output { get; }

        public string Workspace { get; }

        public JsonDocument Summary { get; }

        public void Dispose()
        {
            Summary.Dispose();
            _dir.Dispose();
        }
    }
}
