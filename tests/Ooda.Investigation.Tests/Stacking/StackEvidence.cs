using System.Security.Cryptography;
using System.Text;
using Ooda.Core;
using Ooda.Store;

namespace Ooda.Investigation.Tests.Stacking;

/// <summary>Writes events and captured files into a workspace through the Store API, one evidence file per call.</summary>
internal static class StackEvidence
{
    public const string Sysmon = "Microsoft-Windows-Sysmon/Operational";

    public static readonly DateTime T0 = new(2021, 8, 7, 3, 0, 0, DateTimeKind.Utc);

    /// <summary>One event; <paramref name="fields"/> alternates names and values.</summary>
    public static EvidenceEvent Event(string channel, int? eventId, int minute, params string[] fields) =>
        Event(SourceKind.WindowsEvent, channel, eventId, minute, fields);

    public static EvidenceEvent Event(SourceKind kind, string channel, int? eventId, int minute, params string[] fields)
    {
        var map = new EventFields();
        for (var i = 0; i + 1 < fields.Length; i += 2)
            map.TryAdd(fields[i], fields[i + 1]);
        return new EvidenceEvent
        {
            Timestamp = T0.AddMinutes(minute),
            Tenant = "placeholder",
            Host = "placeholder",
            Kind = kind,
            Channel = channel,
            EventId = eventId,
            Fields = map,
            Provenance = new Provenance("placeholder", string.Empty, -1, 0),
        };
    }

    public static EvidenceEvent Process(string image, int minute = 0, string parent = @"C:\Windows\System32\cmd.exe") =>
        Event(Sysmon, 1, minute, "Image", image, "ParentImage", parent, "CommandLine", image);

    /// <summary>Ingests the events as one file of <paramref name="tenant"/>/<paramref name="host"/>.</summary>
    public static void Ingest(Workspace workspace, string tenant, string host, params EvidenceEvent[] events)
    {
        var path = $"{tenant}/{host}/{workspace.ListFiles().Count + 1}.jsonl";
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)));
        using var ingest = workspace.BeginFile(new EvidenceSource(path, sha, tenant, host), "test", 1);
        var line = 0;
        foreach (var e in events)
        {
            line++;
            ingest.Append(e with { Tenant = tenant, Host = host, RecordId = line, Provenance = new Provenance(path, sha, -1, line) });
        }

        ingest.Complete([]);
    }

    public static void Capture(Workspace workspace, string tenant, string host, string originalPath, string sha256, int minute = 0) =>
        workspace.AddCapturedFiles([new CapturedFile(tenant, host, originalPath, $"/evidence/{tenant}/{host}/{sha256}", 10,
            T0.AddMinutes(minute), T0.AddMinutes(minute), sha256, [0x3c, 0x25])]);
}
