using Ooda.Core;

namespace Ooda.Sigma.Tests;

/// <summary>Builds small rules and events for engine tests.</summary>
internal static class Rules
{
    public const string SysmonChannel = "Microsoft-Windows-Sysmon/Operational";

    /// <summary>A process_creation rule around a detection block (indented two spaces per level, as written).</summary>
    public static string ProcessCreation(string detection, string extra = "") =>
        "title: Test rule\nid: 00000000-0000-0000-0000-000000000001\nlevel: high\ntags: [attack.execution, attack.t1059]\n" +
        "logsource:\n  product: windows\n  category: process_creation\n" + extra +
        "detection:\n" + string.Join('\n', detection.Split('\n').Select(l => "  " + l)) + "\n";

    public static SigmaRuleSet Compile(string yaml, SigmaCompileOptions? options = null) =>
        SigmaRuleSet.Compile(SigmaRuleLoader.LoadText(yaml, "test.yml"), options);

    public static EvidenceEvent Event(int eventId = 1, string channel = SysmonChannel, string? provider = "Microsoft-Windows-Sysmon", SourceKind kind = SourceKind.WindowsEvent, params (string Name, string Value)[] fields)
    {
        var map = new EventFields();
        foreach (var (name, value) in fields)
            map.Set(name, value);
        map.TryAdd("EventID", eventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        map.TryAdd("Channel", channel);
        return new EvidenceEvent
        {
            Timestamp = new DateTime(2021, 3, 3, 12, 0, 0, DateTimeKind.Utc),
            Tenant = "t",
            Host = "h",
            Kind = kind,
            Channel = channel,
            Provider = provider,
            EventId = eventId,
            RecordId = 1,
            Fields = map,
            Provenance = new Provenance("test.evtx", new string('0', 64), 0, 0),
        };
    }

    public static EvidenceEvent Process(params (string Name, string Value)[] fields) => Event(1, SysmonChannel, "Microsoft-Windows-Sysmon", SourceKind.WindowsEvent, fields);

    public static List<SigmaDetection> Run(SigmaRuleSet set, EvidenceEvent evidence)
    {
        var detections = new List<SigmaDetection>();
        set.Evaluate(evidence, set.CreateContext(), detections);
        return detections;
    }

    /// <summary>Compiles a one-rule process_creation detection and says whether it fires on the event.</summary>
    public static bool Fires(string detection, params (string Name, string Value)[] fields)
    {
        var set = Compile(ProcessCreation(detection));
        var verdict = set.Verdicts.Single();
        if (verdict.Status != SigmaVerdictStatus.Compiled)
            throw new InvalidOperationException($"rule did not compile: {verdict.Error}");
        return Run(set, Process(fields)).Count > 0;
    }

    public static SigmaRuleVerdict Verdict(string detection, SigmaCompileOptions? options = null) =>
        Compile(ProcessCreation(detection), options).Verdicts.Single();
}
