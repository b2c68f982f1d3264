using System.Globalization;
using Ooda.Core;

namespace Ooda.Sigma.Tests.Correlation;

/// <summary>Base rules, correlation documents and timed events for correlation tests; an event's line is its time in ms.</summary>
internal static class Correlations
{
    public static readonly DateTime T0 = new(2024, 5, 1, 10, 2, 30, DateTimeKind.Utc);

    public const string FailedLogon = """
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
        """;

    public const string SuccessfulLogon = """
        title: Successful logon
        id: 5638f7c0-ac70-491d-8465-2a65075e0d87
        name: successful_logon
        level: informational
        logsource:
          product: windows
          service: security
        detection:
          selection:
            EventID: 4624
          condition: selection
        """;

    public const string ExplicitLogon = """
        title: Explicit credentials
        name: explicit_logon
        level: low
        logsource:
          product: windows
          service: security
        detection:
          selection:
            EventID: 4648
          condition: selection
        """;

    /// <summary>A process_creation rule for one tool, read on Sysmon 1 and on Security 4688.</summary>
    public static string Recon(string tool) => $"""
        title: Recon {tool}
        name: recon_{tool}
        level: low
        logsource:
          product: windows
          category: process_creation
        detection:
          selection:
            Image|endswith: '\{tool}.exe'
          condition: selection
        """;

    public static string CorrelationRule(string type, IEnumerable<string> rules, IEnumerable<string> groupBy, string timespan, string? condition, string extra = "", string title = "Correlation") =>
        $"title: {title}\nid: 0e95725d-7320-415d-80f7-004da920fc11\nlevel: high\ncorrelation:\n  type: {type}\n"
        + $"  rules: [{string.Join(", ", rules)}]\n  group-by: [{string.Join(", ", groupBy)}]\n  timespan: {timespan}\n"
        + (condition is null ? string.Empty : $"  condition: {{{condition}}}\n") + extra;

    public static SigmaRuleSet Compile(params string[] documents) =>
        SigmaRuleSet.Compile(SigmaRuleLoader.LoadText(string.Join("\n---\n", documents), "correlation.yml"));

    /// <summary>Compiles and insists every document compiled.</summary>
    public static SigmaRuleSet CompileAll(params string[] documents)
    {
        var set = Compile(documents);
        foreach (var verdict in set.Verdicts)
            Assert.True(verdict.Status == SigmaVerdictStatus.Compiled, $"{verdict.Location} {verdict.Title}: {verdict.Error}");
        return set;
    }

    public static EvidenceEvent Security(int eventId, double seconds, params (string Name, string Value)[] fields) =>
        Event(eventId, "Security", "Microsoft-Windows-Security-Auditing", seconds, "acme", fields);

    public static EvidenceEvent Sysmon(int eventId, double seconds, params (string Name, string Value)[] fields) =>
        Event(eventId, "Microsoft-Windows-Sysmon/Operational", "Microsoft-Windows-Sysmon", seconds, "acme", fields);

    public static EvidenceEvent Event(int eventId, string channel, string provider, double seconds, string tenant, params (string Name, string Value)[] fields)
    {
        var map = new EventFields();
        foreach (var (name, value) in fields)
            map.Set(name, value);
        map.TryAdd("EventID", eventId.ToString(CultureInfo.InvariantCulture));
        map.TryAdd("Channel", channel);
        return new EvidenceEvent
        {
            Timestamp = T0.AddSeconds(seconds),
            Tenant = tenant,
            Host = "dc1",
            Kind = SourceKind.WindowsEvent,
            Channel = channel,
            Provider = provider,
            EventId = eventId,
            Fields = map,
            Provenance = new Provenance("events.jsonl", new string('0', 64), -1, 1 + (long)(seconds * 1000)),
        };
    }

    /// <summary>Evaluates the events, feeds the correlator, and returns the reported per-event detections and correlation detections.</summary>
    public static (List<SigmaDetection> Reported, IReadOnlyList<SigmaDetection> Correlations, SigmaCorrelator Correlator) Hunt(
        SigmaRuleSet set, IEnumerable<EvidenceEvent> events, int maxBufferedHits = SigmaCorrelator.DefaultMaxBufferedHits)
    {
        var correlator = set.CreateCorrelator(maxBufferedHits) ?? throw new InvalidOperationException("no correlation compiled");
        var context = set.CreateContext();
        var detections = new List<SigmaDetection>();
        var reported = new List<SigmaDetection>();
        foreach (var evidence in events)
        {
            detections.Clear();
            set.Evaluate(evidence, context, detections);
            correlator.Observe(detections);
            reported.AddRange(detections.Where(d => set.IsReportedAlone(d.Rule)));
        }

        return (reported, correlator.Finish(), correlator);
    }

    public static IReadOnlyList<SigmaDetection> Fired(SigmaRuleSet set, IEnumerable<EvidenceEvent> events) => Hunt(set, events).Correlations;

    /// <summary><paramref name="count"/> failed logons from one address, <paramref name="every"/> seconds apart from <paramref name="start"/>.</summary>
    public static IEnumerable<EvidenceEvent> Failures(int count, double every, string ip = "203.0.113.7", double start = 0, string user = "administrator") =>
        Enumerable.Range(0, count).Select(i => Security(4625, start + (i * every), ("IpAddress", ip), ("TargetUserName", user)));
}
