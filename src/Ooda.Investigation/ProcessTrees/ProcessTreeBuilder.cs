using System.Globalization;
using Ooda.Core;
using Ooda.Investigation.ProcessTrees.Internal;
using Ooda.Store;

namespace Ooda.Investigation.ProcessTrees;

/// <summary>
/// Builds process trees of one host from the store: Sysmon 1/5 and Security 4688/4689 read from the process index that ingest
/// fills, then assembled here. Parents that started before the window are walked on a narrow index of the host's history.
/// </summary>
public static class ProcessTreeBuilder
{
    /// <summary>The window around a case's findings when none is given: a day before the first and after the last.</summary>
    public static readonly TimeSpan CaseMargin = TimeSpan.FromHours(24);

    private const int MaxAncestorPasses = 4;

    /// <summary>Loads and assembles the host's process graph.</summary>
    public static ProcessGraph LoadGraph(Workspace workspace, ProcessGraphRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(request);
        if (request.From is { } from && request.To is { } to && to <= from)
            throw new ArgumentException("the window ends before it starts");
        if (request.MaxEvents < 1)
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxEvents, "the event limit must be at least 1");

        var query = new ProcessEventQuery { Tenant = request.Tenant, Host = request.Host, From = request.From, To = request.To, Limit = request.MaxEvents };
        var window = workspace.QueryProcessEvents(query, cancellationToken);
        var events = window.Events.ToList();
        var notes = new List<string>();
        if (window.CutAt is { } cut)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"the window holds more than {request.MaxEvents:N0} process events; the graph stops before {IsoTime.Short(cut)} (narrow the window)"));
        }

        var assembly = ProcessGraphAssembler.Link(request.From, events, notes);
        if (request.From is { } windowStart && request.AncestorGenerations > 0)
            assembly = AddAncestors(workspace, request, windowStart, events, notes, assembly, cancellationToken);
        return assembly.Build(request.Tenant, request.Host, request.From, request.To);
    }

    /// <summary>
    /// Adds the events of the window's ancestors from before it: one query per generation (the lookups' answers name the
    /// next generation's parents), so only the rows on the way up are read, however long the host's history. Linking may
    /// still ask for a parent the walk did not foresee (a link the rules refused), hence the passes. The queries are not one
    /// snapshot: an ingest running meanwhile may add ancestors half-way, which only adds what a later tree would show anyway.
    /// </summary>
    /// <returns>The assembly of all the events, window and ancestors.</returns>
    private static ProcessGraphAssembler AddAncestors(Workspace workspace, ProcessGraphRequest request, DateTime windowStart, List<StoredProcessEvent> events,
        List<string> notes, ProcessGraphAssembler assembly, CancellationToken cancellationToken)
    {
        var lookups = assembly.ParentLookups(windowStart);
        var asked = new HashSet<ProcessLookup>();
        var fetched = new HashSet<long>();
        for (var pass = 0; pass < MaxAncestorPasses && lookups.Count > 0; pass++)
        {
            var found = new List<StoredProcessEvent>();
            var wanted = lookups;
            for (var depth = 0; depth < request.AncestorGenerations && wanted.Count > 0; depth++)
            {
                // A lookup counts as asked when it is sent: one found at the last generation stays open for the next pass.
                var generation = wanted.Where(asked.Add).ToList();
                wanted = [];
                if (generation.Count == 0)
                    break;
                foreach (var e in workspace.QueryProcessParents(request.Tenant, request.Host, generation, cancellationToken))
                {
                    if (!fetched.Add(e.Row))
                        continue;
                    found.Add(e);
                    if (e.EventId == 4689)
                        continue;
                    if (e.ParentProcessGuid is { } parentGuid)
                        wanted.Add(new ProcessLookup(null, parentGuid, e.Timestamp));
                    if (e.ParentProcessId is { } parentPid)
                        wanted.Add(new ProcessLookup(parentPid, null, e.Timestamp));
                }

                // Hostile history (a fork bomb before the window) must not fill memory: ancestors count against the event limit.
                if (fetched.Count >= request.MaxEvents)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"the ancestors before the window hold more than {request.MaxEvents:N0} process events; the walk up stopped there"));
                    events.AddRange(found);
                    return ProcessGraphAssembler.Link(windowStart, events, notes);
                }
            }

            if (found.Count == 0)
                break;
            events.AddRange(found);
            assembly = ProcessGraphAssembler.Link(windowStart, events, notes);
            lookups = assembly.ParentLookups(windowStart);
        }

        return assembly;
    }

    /// <summary>Loads the graph and selects the tree to show; the call a benchmark times.</summary>
    public static ProcessTree Build(Workspace workspace, ProcessGraphRequest request, ProcessSelection selection, ProcessTreeLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        selection.Validate();
        (limits ?? ProcessTreeLimits.Default).Validate();
        return LoadGraph(workspace, request, cancellationToken).Select(selection, limits);
    }

    /// <summary>
    /// The window a case implies: <see cref="CaseMargin"/> around its findings that carry a time, or (null, null) — the
    /// whole host — when none does.
    /// </summary>
    public static (DateTime? From, DateTime? To) CaseWindow(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var times = findings.Where(f => f.Timestamp != DateTime.MinValue).Select(f => f.Timestamp).ToList();
        if (times.Count == 0)
            return (null, null);
        var first = times.Min();
        var last = times.Max();
        // Clamped: a hostile timestamp at either end of the calendar must not overflow.
        return (first.Ticks - DateTime.MinValue.Ticks > CaseMargin.Ticks ? first - CaseMargin : DateTime.MinValue,
            DateTime.MaxValue.Ticks - last.Ticks > CaseMargin.Ticks ? last + CaseMargin : DateTime.MaxValue);
    }

}
