using Ooda.Core;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Sigma.Tests.Sql;

/// <summary>
/// A scratch workspace holding given events, and both hunt paths over it: the in-memory evaluator over the stored
/// events (as <c>ooda hunt --store --engine memory</c> reads them) and the SQL hunt.
/// </summary>
internal sealed class SqlHuntHarness : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SqlHuntHarness(IEnumerable<EvidenceEvent> events)
    {
        Workspace = Workspace.Open(_directory.Path);
        foreach (var file in events.GroupBy(e => (e.Tenant, e.Host, e.Provenance.Sha256, e.Provenance.File)))
        {
            using var ingest = Workspace.BeginFile(new EvidenceSource(file.Key.File, file.Key.Sha256, file.Key.Tenant, file.Key.Host), "test", 1);
            foreach (var chunk in file.Chunk(4096))
            {
                using var writer = ingest.CreateWriter();
                writer.Append(chunk);
            }

            ingest.Complete([]);
        }
    }

    public Workspace Workspace { get; }

    /// <summary>What the in-memory evaluator detects over the stored events: one key per (rule, event).</summary>
    public SortedSet<string> InMemory(SigmaRuleSet rules, out Dictionary<string, SigmaDetection> detections)
    {
        detections = [];
        var context = rules.CreateContext();
        var list = new List<SigmaDetection>();
        foreach (var evidence in Workspace.QueryEvents(new EventQuery()))
        {
            list.Clear();
            rules.Evaluate(evidence, context, list);
            foreach (var detection in list)
                detections[Key(detection)] = detection;
        }

        return [.. detections.Keys];
    }

    /// <summary>What the SQL hunt detects: one key per (rule, event).</summary>
    public SortedSet<string> Sql(SigmaRuleSet rules, out SigmaSqlHunt hunt, SigmaSqlOptions? options = null)
    {
        hunt = SigmaSqlHunt.Prepare(rules, Workspace, options: options);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var match in hunt.Run())
        {
            foreach (var detection in match.Detections)
                Assert.True(keys.Add(Key(detection)), "two detections of one rule on one event: " + Key(detection));
        }

        return keys;
    }

    /// <summary>Rule, event source and the event's provenance (file hash and line or offset).</summary>
    public static string Key(SigmaDetection detection) =>
        $"{detection.Rule.Location}|{detection.Rule.Title}|{detection.Target}|{detection.Event.Provenance.Sha256}:{detection.Event.Provenance.Line}:{detection.Event.Provenance.Offset}";

    public void Dispose()
    {
        Workspace.Dispose();
        _directory.Dispose();
    }
}
