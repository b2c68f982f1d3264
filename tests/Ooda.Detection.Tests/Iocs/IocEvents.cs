using Ooda.Core;
using Ooda.Detection.Iocs;

namespace Ooda.Detection.Tests.Iocs;

/// <summary>Events and sets for IOC tests.</summary>
internal static class IocEvents
{
    public static readonly DateTime Time = new(2021, 8, 6, 12, 0, 0, DateTimeKind.Utc);

    public static EvidenceEvent Event(params (string Name, string Value)[] fields) => Event(Time, fields);

    public static EvidenceEvent Event(DateTime timestamp, params (string Name, string Value)[] fields)
    {
        var map = new EventFields();
        foreach (var (name, value) in fields)
            map.Set(name, value);
        return new EvidenceEvent
        {
            Timestamp = timestamp,
            Tenant = "acme",
            Host = "ex01",
            Kind = SourceKind.WindowsEvent,
            Fields = map,
            Provenance = new Provenance("events.jsonl", new string('0', 64), -1, 7),
        };
    }

    public static IocSet Set(params Ioc[] iocs)
    {
        var diagnostics = new List<Diagnostic>();
        var set = IocSet.Create(iocs, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return set;
    }

    public static List<IocHit> Match(IocMatcher matcher, EvidenceEvent e)
    {
        var hits = new List<IocHit>();
        matcher.Match(e, hits);
        return hits;
    }
}
