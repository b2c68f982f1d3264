using System.Collections.Concurrent;
using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Hunt;

namespace Ooda.Engine.Runbooks;

public sealed partial class RunbookHuntService
{
    /// <summary>
    /// Hunts only the given events (e.g. continuous hunting's newly ingested file) with the Sigma rules and IOCs, in one pass.
    /// SQL and captured-file hunts are not run here; <see cref="HuntSql"/> runs the SQL ones.
    /// </summary>
    public RunbookHuntResult HuntEvents(IEnumerable<EvidenceEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var statistics = new HuntStatistics();
        var findings = new ConcurrentBag<Finding>();
        if (_rules.Rules.Count > 0 || _iocMatcher is not null)
        {
            var hunter = new HuntService(_rules) { EventObserverFactory = IocObserver(findings) };
            foreach (var hit in hunter.HuntEvents(events, statistics, null, _options.Parallelism, cancellationToken))
                AddSigma(findings, hit);
        }

        return Result(findings, [.. _steps.Where(s => s.Hunt.Kind != RunbookHuntKind.Sql)], statistics);
    }

    /// <summary>Runs only the SQL hunts, over the whole store of a workspace.</summary>
    public RunbookHuntResult HuntSql(string workspaceFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspaceFolder);
        var findings = new ConcurrentBag<Finding>();
        var steps = _steps.Where(s => s.Hunt.Kind == RunbookHuntKind.Sql)
            .Select(s => s.Runs ? RunSql(workspaceFolder, s, findings, cancellationToken) : s).ToList();
        return Result(findings, steps, new HuntStatistics());
    }

    /// <summary>True when any runbook has a SQL hunt that can run.</summary>
    public bool HasSqlHunts => _steps.Any(s => s.Runs && s.Hunt.Kind == RunbookHuntKind.Sql);
}
