using System.Globalization;
using Ooda.Core;
using Ooda.Engine.Hunt;
using Ooda.Sigma;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Engine.Tests.Hunt;

/// <summary>
/// <see cref="HuntService.HuntStore"/> (the SQL engine of <c>ooda hunt --store</c>) against the in-memory engine over the
/// same store: the same hits in the same order, the same correlations, counts and blind-spot channels.
/// </summary>
public sealed class SqlHuntStoreTests : IDisposable
{
    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";

    private const string RuleYaml =
        """
        title: Whoami
        id: 10000000-0000-0000-0000-000000000001
        name: whoami
        level: medium
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\whoami.exe'
          condition: sel
        ---
        title: Encoded PowerShell
        id: 10000000-0000-0000-0000-000000000002
        level: high
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            CommandLine|windash|contains: ' -enc '
          filter:
            ParentImage|re: '(?i)\\ccmexec\.exe$'
          condition: sel and not filter
        ---
        title: Failed logon
        id: 10000000-0000-0000-0000-000000000003
        name: failed_logon
        level: low
        logsource: {product: windows, service: security}
        detection:
          sel:
            EventID: 4625
          condition: sel
        ---
        title: Brute force
        id: 10000000-0000-0000-0000-000000000004
        level: high
        correlation:
          type: event_count
          rules: [failed_logon]
          group-by: [IpAddress]
          timespan: 5m
          condition: {gte: 5}
        ---
        title: Discovery burst
        id: 10000000-0000-0000-0000-000000000005
        level: high
        correlation:
          type: value_count
          rules: [whoami]
          group-by: [User]
          timespan: 1h
          condition: {gte: 2, field: CommandLine}
          generate: true
        """;

    private readonly TempDirectory _directory = new();
    private readonly Workspace _workspace;
    private readonly SigmaRuleSet _rules;

    public SqlHuntStoreTests()
    {
        _workspace = Workspace.Open(_directory.Path);
        _rules = SigmaRuleSet.Compile(SigmaRuleLoader.LoadText(RuleYaml, "rules.yml"));
        Assert.All(_rules.Verdicts, v => Assert.Equal(SigmaVerdictStatus.Compiled, v.Status));
        var random = new Random(5);
        foreach (var (host, file) in new[] { ("-", 0), ("DC01", 1), ("WS02", 2) })
        {
            var sha = new string((char)('a' + file), 64);
            using var ingest = _workspace.BeginFile(new EvidenceSource($"logs/{file}.jsonl", sha, file == 2 ? "globex" : "acme", host), "test", 1);
            for (var i = 0; i < 400; i++)
                ingest.Append(Event(random, sha, file, i));
            ingest.Complete([]);
        }
    }

    [Fact]
    public void The_sql_engine_makes_the_memory_engines_hits_in_the_same_order()
    {
        var (memory, memoryStats) = Memory(null);
        var (sql, sqlStats) = Sql(null);
        Assert.True(memory.Count > 50, $"only {memory.Count} hits");
        Assert.Contains(memory, h => h.Detection.Correlation is not null);
        Assert.Equal(memory.Select(Describe), sql.Select(Describe));
        Assert.Equal(memoryStats.Events, sqlStats.Events);
        Assert.Equal(memoryStats.Detections, sqlStats.Detections);
        Assert.Equal(memoryStats.Correlations, sqlStats.Correlations);
        Assert.Equal(memoryStats.Channels.OrderBy(p => p.Key).ToList(), sqlStats.Channels.OrderBy(p => p.Key).ToList());
        Assert.NotNull(sqlStats.SqlHunt);
        Assert.All(sqlStats.SqlHunt!.Plan.Verdicts.Where(v => v.Rule.Kind == SigmaRuleKind.Detection), v => Assert.Equal(SigmaSqlStatus.Translated, v.Status));
    }

    [Theory]
    [InlineData("high", null, null)]
    [InlineData(null, "globex", null)]
    [InlineData(null, null, "dc01")]
    public void Level_tenant_and_host_restrict_both_engines_alike(string? minLevel, string? tenant, string? host)
    {
        var (memory, _) = Memory(minLevel, tenant, host);
        var (sql, _) = Sql(minLevel, tenant, host);
        Assert.NotEmpty(memory);
        Assert.Equal(memory.Select(Describe), sql.Select(Describe));
    }

    [Theory]
    [InlineData(SigmaSqlStrategy.UnionAll)]
    [InlineData(SigmaSqlStrategy.PerRule)]
    public void Every_batching_strategy_finds_the_same_hits(SigmaSqlStrategy strategy)
    {
        var (grouped, _) = Sql(null);
        var (other, _) = Sql(null, options: new SigmaSqlOptions { Strategy = strategy });
        Assert.Equal(grouped.Select(Describe), other.Select(Describe));
    }

    [Fact]
    public void An_event_observer_is_refused_because_sql_reads_only_matching_events()
    {
        var service = new HuntService(_rules) { EventObserverFactory = () => (_, _) => { } };
        Assert.Throws<InvalidOperationException>(() => service.HuntStore(_workspace, SqlHuntScope.All, new HuntStatistics()).ToList());
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _directory.Dispose();
    }

    private (List<HuntHit> Hits, HuntStatistics Statistics) Memory(string? minLevel, string? tenant = null, string? host = null)
    {
        var statistics = new HuntStatistics();
        var events = _workspace.QueryEvents(new EventQuery { Tenant = tenant, Host = host });
        return ([.. new HuntService(_rules).HuntEvents(events, statistics, minLevel, parallelism: 2)], statistics);
    }

    private (List<HuntHit> Hits, HuntStatistics Statistics) Sql(string? minLevel, string? tenant = null, string? host = null, SigmaSqlOptions? options = null)
    {
        var statistics = new HuntStatistics();
        return ([.. new HuntService(_rules).HuntStore(_workspace, new SqlHuntScope(tenant, host), statistics, minLevel, options)], statistics);
    }

    private static string Describe(HuntHit hit)
    {
        var d = hit.Detection;
        var correlation = d.Correlation is { } c ? $" {c.TypeName} {c.WindowStart:O} {c.Value} {c.EventCount}" : string.Empty;
        return $"{d.Rule.Title}|{d.Target}|{hit.Host}|{d.Event.Provenance}|{string.Join(",", d.MatchedFields)}{correlation}";
    }

    private static EvidenceEvent Event(Random random, string sha, int file, int line)
    {
        var fields = new EventFields();
        var kind = random.Next(3);
        int eventId;
        string channel;
        if (kind == 0)
        {
            (eventId, channel) = (4625, "Security");
            fields.Set("IpAddress", "10.0.0." + random.Next(3).ToString(CultureInfo.InvariantCulture));
            fields.Set("TargetUserName", "admin");
        }
        else
        {
            (eventId, channel) = (1, random.Next(5) == 0 ? "microsoft-windows-sysmon/operational" : Sysmon);
            var image = random.Next(3) == 0 ? "C:\\Windows\\System32\\WHOAMI.EXE" : "C:\\Windows\\System32\\cmd.exe";
            fields.Set("Image", image);
            fields.Set(random.Next(4) == 0 ? "commandline" : "CommandLine", random.Next(4) switch
            {
                0 => "powershell /enc SQBFAFgA",
                1 => "whoami /" + random.Next(3).ToString(CultureInfo.InvariantCulture),
                2 => "powershell \u2013enc x",
                _ => "cmd /c dir",
            });
            fields.Set("ParentImage", random.Next(4) == 0 ? "C:\\Windows\\CCM\\CcmExec.exe" : "C:\\Windows\\explorer.exe");
            fields.Set("User", "CORP\\u" + random.Next(2).ToString(CultureInfo.InvariantCulture));
        }

        fields.Set("Computer", "host" + file.ToString(CultureInfo.InvariantCulture) + ".corp.example");
        return new EvidenceEvent
        {
            Timestamp = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddSeconds((line * 7) + (file * 3)),
            Tenant = file == 2 ? "globex" : "acme",
            Host = file == 0 ? "-" : file == 1 ? "DC01" : "WS02",
            Kind = SourceKind.WindowsEvent,
            Channel = channel,
            Provider = channel == "Security" ? "Microsoft-Windows-Security-Auditing" : "Microsoft-Windows-Sysmon",
            EventId = eventId,
            RecordId = line,
            Fields = fields,
            Provenance = new Provenance($"logs/{file}.jsonl", sha, -1, line + 1),
        };
    }
}
