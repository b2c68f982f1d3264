using Ooda.Core;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Investigation.Tests.Timeline;

/// <summary>A scratch workspace filled through the store's own API: files of events, captured files and findings.</summary>
internal sealed class TimelineStore : IDisposable
{
    public static readonly DateTime T0 = new(2021, 8, 6, 10, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory _dir = new();

    public TimelineStore() => Workspace = Workspace.Open(_dir.Path);

    public Workspace Workspace { get; }

    /// <summary>Stores one file of events for a tenant and host; the events get this file's provenance.</summary>
    public void File(string tenant, string host, string sha256, string path, params EvidenceEvent[] events)
    {
        using var ingest = Workspace.BeginFile(new EvidenceSource(path, sha256, tenant, host), "test", 1);
        foreach (var e in events)
        {
            ingest.Append(e with
            {
                Tenant = tenant,
                Host = host,
                Provenance = new Provenance(path, sha256, e.Provenance.Offset, e.Provenance.Line),
            });
        }

        ingest.Complete([]);
    }

    public static EvidenceEvent Windows(DateTime at, string channel, int id, long record, params (string Name, string Value)[] fields) => new()
    {
        Timestamp = at,
        Tenant = "-",
        Host = "-",
        Kind = SourceKind.WindowsEvent,
        Channel = channel,
        EventId = id,
        RecordId = record,
        Fields = Fields(fields),
        Provenance = new Provenance("-", "-", record * 1024, 0),
    };

    public static EvidenceEvent Log(DateTime at, SourceKind kind, string channel, long line, params (string Name, string Value)[] fields) => new()
    {
        Timestamp = at,
        Tenant = "-",
        Host = "-",
        Kind = kind,
        Channel = channel,
        Fields = Fields(fields),
        Provenance = new Provenance("-", "-", line * 100, line),
    };

    public static EventFields Fields(params (string Name, string Value)[] fields)
    {
        var map = new EventFields();
        foreach (var (name, value) in fields)
            map.TryAdd(name, value);
        return map;
    }

    public static Finding Finding(string id, string tenant, string host, DateTime at, Provenance provenance, long? recordId = null, string? originalPath = null,
        string severity = "high") => new()
        {
            Id = id,
            Title = "finding " + id,
            Severity = severity,
            Detector = "sigma",
            Tenant = tenant,
            Host = host,
            Timestamp = at,
            RecordId = recordId,
            Provenance = provenance,
            OriginalPath = originalPath,
            Techniques = ["T1505.003"],
        };

    public static string Sha(char c) => new(c, 64);

    public void Dispose()
    {
        Workspace.Dispose();
        _dir.Dispose();
    }
}
