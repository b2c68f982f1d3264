using System.Diagnostics;
using Ooda.Store;

namespace Ooda.Sigma;

/// <summary>
/// A Sigma hunt over a workspace store in DuckDB: reads how the events spell their names, compiles the rules to SQL for
/// them (RE2 checking each translated regex), runs the queries, then reads the matched events back in the store's order
/// and makes their detections — deciding in memory what SQL left undecided. Only hit codes of matched events are held
/// between the two passes, never events.
/// </summary>
public sealed class SigmaSqlHunt
{
    private readonly Workspace _workspace;
    private readonly SqlHuntScope _scope;
    private long _rows;
    private long _decidedInMemory;
    private long _undecidedRejected;

    private SigmaSqlHunt(Workspace workspace, SqlHuntScope scope, SqlHuntCatalog catalog, SigmaSqlPlan plan, TimeSpan prepareTime)
    {
        _workspace = workspace;
        _scope = scope;
        Catalog = catalog;
        Plan = plan;
        PrepareTime = prepareTime;
    }

    public SqlHuntCatalog Catalog { get; }

    public SigmaSqlPlan Plan { get; }

    /// <summary>Reading the catalog and compiling the rules.</summary>
    public TimeSpan PrepareTime { get; }

    /// <summary>Running the queries (set once <see cref="Run"/> has read every query).</summary>
    public TimeSpan QueryTime { get; private set; }

    /// <summary>Events some query returned.</summary>
    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Hits SQL could not decide, decided by the in-memory evaluator.</summary>
    public long DecidedInMemory => Interlocked.Read(ref _decidedInMemory);

    /// <summary>Events SQL returned undecided that the in-memory evaluator then rejected for every rule.</summary>
    public long UndecidedRejected => Interlocked.Read(ref _undecidedRejected);

    public static SigmaSqlHunt Prepare(SigmaRuleSet rules, Workspace workspace, SqlHuntScope? scope = null, SigmaSqlOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(workspace);
        scope ??= SqlHuntScope.All;
        options ??= SigmaSqlOptions.Default;
        var stopwatch = Stopwatch.StartNew();
        var catalog = workspace.ReadSqlHuntCatalog(scope, cancellationToken);
        var plan = SigmaSqlCompiler.Compile(rules, catalog, options with { RegexCheck = options.RegexCheck ?? workspace.CheckSqlHuntRegex });
        return new SigmaSqlHunt(workspace, scope, catalog, plan, stopwatch.Elapsed);
    }

    /// <summary>Every matched event with its detections (one per rule), in the order <see cref="Workspace.QueryEvents"/> streams events.</summary>
    public IEnumerable<SigmaSqlEventMatch> Run(CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var hits = new Dictionary<long, List<int>>();
        // Planning a query of hundreds of predicates costs DuckDB a noticeable fraction of a second: skip those with no event.
        var counts = _workspace.CountSqlHuntEvents(_scope, [.. Plan.Queries.Select(q => q.Events)]);
        for (var q = 0; q < Plan.Queries.Count; q++)
        {
            if (counts[q] == 0)
                continue;
            foreach (var match in _workspace.RunSqlHunt(_scope, Plan.Queries[q].Sql, cancellationToken))
            {
                if (!hits.TryGetValue(match.RowId, out var list))
                    hits[match.RowId] = list = [];
                list.Add(match.Hit);
            }
        }

        QueryTime = stopwatch.Elapsed;
        Interlocked.Add(ref _rows, hits.Count);
        if (hits.Count == 0)
            yield break;
        var context = Plan.Rules.CreateContext();
        foreach (var stored in _workspace.ReadSqlHuntEvents(hits.Keys, cancellationToken))
        {
            var codes = hits[stored.RowId];
            var detections = Plan.Detect(stored.Event, codes, context, out var decided);
            Interlocked.Add(ref _decidedInMemory, decided);
            if (detections.Count == 0)
            {
                Interlocked.Increment(ref _undecidedRejected);
                continue;
            }

            yield return new SigmaSqlEventMatch(stored.Event, detections);
        }
    }
}
