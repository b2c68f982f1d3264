using System.Collections.Concurrent;
using System.Globalization;
using Ooda.Core;
using Ooda.Detection.Iocs;
using Ooda.Detection.Runbooks;
using Ooda.Detection.Webshells;
using Ooda.Detection.Yara;
using Ooda.Engine.Hunt;
using Ooda.Engine.Internal;

namespace Ooda.Engine.Runbooks;

/// <summary>The IOC, YARA and webshell steps: IOCs ride the event pass; captured files are read once for all file steps.</summary>
public sealed partial class RunbookHuntService
{
    // Keys: each indicator in its normalised form, as the matcher reports it, so a hit finds every step that lists it.
    private readonly List<(RunbookHuntStep Step, IReadOnlyList<Ioc> Iocs, HashSet<(IocKind, string)> Keys)> _iocSteps = [];
    private readonly List<(RunbookHuntStep Step, YaraRules Rules)> _yara = [];
    private readonly List<RunbookHuntStep> _webshellSteps = [];
    private readonly List<Diagnostic> _planDiagnostics = [];
    private readonly IocMatcher? _iocMatcher;
    private YaraCompileResult? _extraYara;

    /// <summary>What became of each file of <see cref="RunbookHuntOptions.YaraPath"/>; empty when none was given.</summary>
    public IReadOnlyList<YaraFileVerdict> YaraVerdicts => _extraYara?.Files ?? [];

    private void PlanExtraYara(string path)
    {
        if (!YaraEngine.IsAvailable)
        {
            _planDiagnostics.Add(new Diagnostic(path, string.Empty, "YARA rules not run: " + YaraEngine.UnavailableReason));
            return;
        }

        _extraYara = YaraCompiler.CompileFolder(path, YaraExternals.None);
    }

    /// <summary>LOKI/THOR scores: 100 is certain, 75 an alert, 60 a warning, below that a notice.</summary>
    private static string SeverityOfScore(int? score) => score switch
    {
        null => "high",
        >= 100 => "critical",
        >= 75 => "high",
        >= 60 => "medium",
        _ => "low",
    };

    private RunbookHuntStep PlanIocs(Runbook runbook, RunbookHunt hunt)
    {
        var iocs = new List<Ioc>();
        foreach (var (ioc, index) in runbook.Iocs.Select((i, n) => (i, n)))
        {
            if (!IocKinds.TryParse(ioc.Type, out var kind))
            {
                _planDiagnostics.Add(new Diagnostic(runbook.SourcePath, $"iocs[{index}]", $"IOC type '{ioc.Type}' is not one the engine matches"));
                continue;
            }

            // The source names the runbook and hunt, so a hit is attributed to every runbook that lists the indicator.
            iocs.Add(new Ioc(kind.Value, ioc.Value) { Comment = ioc.Comment, Source = new IocSource(runbook.Reference, hunt.Id) });
        }

        var step = new RunbookHuntStep(runbook, hunt, iocs.Count == 0 ? "the runbook lists no IOCs the engine can match" : null);
        if (step.Runs)
            _iocSteps.Add((step, iocs, [.. iocs.Select(i => IocSet.Normalize(i, out _)).OfType<Ioc>().Select(i => (i.Kind, i.Value))]));
        return step;
    }

    private RunbookHuntStep PlanYara(Runbook runbook, RunbookHunt hunt)
    {
        if (!YaraEngine.IsAvailable)
            return new RunbookHuntStep(runbook, hunt, "YARA is unavailable: " + YaraEngine.UnavailableReason);
        var result = YaraCompiler.CompileSources([YaraSource.FromText($"{runbook.Reference}/{hunt.Id}", hunt.Body)], YaraExternals.None);
        if (result.Rules is null || result.Files.Any(f => f.Status != YaraFileStatus.Compiled))
        {
            result.Dispose();
            return new RunbookHuntStep(runbook, hunt, "YARA: " + string.Join("; ", result.Files.Where(f => f.Status != YaraFileStatus.Compiled).Select(f => $"{f.Reason} {string.Join("; ", f.Messages)}".Trim())));
        }

        var step = new RunbookHuntStep(runbook, hunt, null);
        _yara.Add((step, result.Rules));
        return step;
    }

    private RunbookHuntStep PlanFileCheck(Runbook runbook, RunbookHunt hunt)
    {
        var step = new RunbookHuntStep(runbook, hunt, null);
        _webshellSteps.Add(step);
        return step;
    }

    private IocMatcher? CompileIocs()
    {
        var lists = _options.Iocs ?? [];
        if (_iocSteps.Count == 0 && lists.Count == 0)
            return null;
        var diagnostics = new List<Diagnostic>();
        var set = IocSet.Create(_iocSteps.SelectMany(s => s.Iocs).Concat(lists), diagnostics);
        _planDiagnostics.AddRange(diagnostics);
        return IocMatcher.Compile(set);
    }

    private Func<Action<EvidenceEvent, string>>? IocObserver(ConcurrentBag<Finding> findings)
    {
        if (_iocMatcher is not { } matcher)
            return null;
        return () =>
        {
            var hits = new List<IocHit>();
            return (e, host) =>
            {
                hits.Clear();
                matcher.Match(e, hits);
                if (hits.Count == 0)
                    return;
                foreach (var (step, stepHits) in ByStep(hits))
                    findings.Add(IocFinding(step, stepHits, e.Tenant, host, e.Timestamp, e.Provenance, null, e.Channel ?? e.Kind.ToString(), e.EventId, e.RecordId));
            };
        };
    }

    // The set keeps one copy of an indicator that several runbooks list (with the first one's source): match by value instead.
    private IEnumerable<RunbookHuntStep> StepsOf(Ioc ioc) =>
        _iocSteps.Where(s => s.Keys.Contains((ioc.Kind, ioc.Value)) || (s.Step.Runbook.Reference == ioc.Source.File && s.Step.Hunt.Id == ioc.Source.Location))
            .Select(s => s.Step);

    /// <summary>
    /// One finding per hunt step and piece of evidence, however many of its indicators matched there; indicators from
    /// IOC lists (<see cref="RunbookHuntOptions.Iocs"/>) belong to no step and fold into one finding of their own.
    /// </summary>
    private List<(RunbookHuntStep? Step, List<IocHit> Hits)> ByStep(List<IocHit> hits)
    {
        var groups = new List<(RunbookHuntStep? Step, List<IocHit> Hits)>();
        void Add(RunbookHuntStep? step, IocHit hit)
        {
            var index = groups.FindIndex(g => ReferenceEquals(g.Step, step));
            if (index < 0)
                groups.Add((step, [hit]));
            else if (!groups[index].Hits.Exists(h => h.Ioc.ToString() == hit.Ioc.ToString()))
                groups[index].Hits.Add(hit);
        }

        foreach (var hit in hits)
        {
            var owned = false;
            foreach (var step in StepsOf(hit.Ioc))
            {
                Add(step, hit);
                owned = true;
            }

            if (!owned)
                Add(null, hit);
        }

        return groups;
    }

    private static Finding IocFinding(RunbookHuntStep? step, List<IocHit> hits, string tenant, string host, DateTime timestamp, Provenance provenance, string? originalPath,
        string? channel, int? eventId, long? recordId) => new()
        {
            // The indicators that hit are the rule: two runbooks listing the same indicator find one finding.
            Id = FindingIds.For("ioc", string.Join('\u001e', hits.Select(h => h.Ioc.ToString()).Order(StringComparer.Ordinal)), tenant, host, provenance, originalPath),
            Title = $"{step?.Hunt.Title ?? "IOC list match"}: {string.Join(", ", hits.Take(3).Select(h => $"{IocKinds.Name(h.Ioc.Kind)} {Clip(h.Ioc.Value)}"))}{(hits.Count > 3 ? ", …" : string.Empty)}",
            // An indicator from a list says nothing of how bad its hit is; high asks for a look without claiming compromise.
            Severity = step?.Hunt.Severity ?? "high",
            Detector = "ioc",
            Sources = step is null ? [] : [new FindingSource(step.Runbook.Id, step.Runbook.Version.ToString(), step.Hunt.Id)],
            RuleId = hits[0].Ioc.ToString(),
            Techniques = step?.Hunt.Techniques ?? [],
            Tenant = tenant,
            Host = host,
            Timestamp = timestamp,
            Channel = channel,
            EventId = eventId,
            RecordId = recordId,
            Provenance = provenance,
            OriginalPath = originalPath,
            Details = [.. hits.SelectMany(h => new KeyValuePair<string, string>[] { new("ioc", h.Ioc.ToString()), new(h.Field, Clip(h.Text)), new("source", h.Ioc.Source.ToString()) })],
        };

    /// <summary>Captured files under the hunted paths (KAPE or Velociraptor layout), as ingest would record them.</summary>
    private List<CapturedFile> CapturedFilesIn(IReadOnlyList<string> paths, HuntStatistics statistics, CancellationToken cancellationToken)
    {
        var files = new List<CapturedFile>();
        if (_iocMatcher is null && _yara.Count == 0 && _webshellSteps.Count == 0 && _extraYara?.Rules is null)
            return files;
        foreach (var entry in paths.SelectMany(p => CollectionLayout.Enumerate(p, _options.Tenant ?? "-", _options.Host ?? "-", statistics.Diagnostics.Enqueue)))
        {
            if (entry.OriginalPath is null)
                continue;
            try
            {
                files.Add(CapturedFileFacts.From(entry, FileFacts.Read(entry.FullPath, cancellationToken)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                statistics.Diagnostics.Enqueue(new Diagnostic(entry.DisplayPath, string.Empty, "cannot read: " + e.Message));
            }
        }

        return files;
    }

    private void HuntCapturedFiles(IReadOnlyList<CapturedFile> files, ConcurrentBag<Finding> findings, HuntStatistics statistics, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in _planDiagnostics)
            statistics.Diagnostics.Enqueue(diagnostic);
        if (files.Count == 0)
            return;
        var iocHits = new List<IocHit>();
        var matches = new List<YaraMatch>();
        var scanners = _yara.Select(y => (y.Step, Scanner: y.Rules.CreateScanner())).ToList();
        var extraScanner = _extraYara?.Rules?.CreateScanner();
        try
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.GetFullPath(file.SourcePath);
                if (!File.Exists(path))
                {
                    statistics.Diagnostics.Enqueue(new Diagnostic(file.SourcePath, string.Empty, $"captured file {file.OriginalPath} is no longer at its collection path; file hunts skipped it"));
                    continue;
                }

                var provenance = new Provenance(file.SourcePath, file.Sha256, -1, 0);
                if (_iocMatcher is { } matcher)
                {
                    iocHits.Clear();
                    using (var stream = File.OpenRead(path))
                        matcher.MatchFile(file, stream, iocHits);
                    foreach (var (step, stepHits) in ByStep(iocHits))
                        findings.Add(IocFinding(step, stepHits, file.Tenant, file.Host, file.Modified, provenance, file.OriginalPath, "captured-file", null, null));
                }

                if (extraScanner is not null)
                {
                    matches.Clear();
                    if (extraScanner.ScanFile(path, YaraExternals.ForFile(file), matches) is var status and not YaraScanStatus.Completed)
                        statistics.Diagnostics.Enqueue(new Diagnostic(file.SourcePath, string.Empty, $"YARA {_options.YaraPath}: {status}"));
                    foreach (var match in matches)
                        findings.Add(YaraFinding(match, file, provenance));
                }

                foreach (var (step, scanner) in scanners)
                {
                    matches.Clear();
                    var status = scanner.ScanFile(path, YaraExternals.ForFile(file), matches);
                    if (status != YaraScanStatus.Completed)
                        statistics.Diagnostics.Enqueue(new Diagnostic(file.SourcePath, string.Empty, $"YARA {step.Reference}: {status}"));
                    foreach (var match in matches)
                        findings.Add(FileFinding(step, "yara", match.Rule, $"{FindingIds.BodyKey("yara", step.Hunt.Body)}:{match.Rule}", file, provenance, $"{step.Hunt.Title}: {match.Rule}",
                            [.. match.Strings.Take(8).Select(s => new KeyValuePair<string, string>(s.Identifier, string.Create(CultureInfo.InvariantCulture, $"0x{s.Offset:x}")))]));
                }
            }
        }
        finally
        {
            scanners.ForEach(s => s.Scanner.Dispose());
            extraScanner?.Dispose();
        }

        if (_webshellSteps.Count == 0)
            return;
        var diagnostics = new List<Diagnostic>();
        var webshells = new WebshellChecker().Check(files, f => File.Exists(Path.GetFullPath(f.SourcePath)) ? File.OpenRead(Path.GetFullPath(f.SourcePath)) : null, diagnostics, cancellationToken);
        diagnostics.ForEach(statistics.Diagnostics.Enqueue);
        foreach (var w in webshells)
        {
            foreach (var step in _webshellSteps)
            {
                // The check's own severity: prevalence alone is a low lead, a PST in a page is critical, whatever the runbook says.
                findings.Add(FileFinding(step, "webshell", w.Check, w.Check, w.File, new Provenance(w.File.SourcePath, w.File.Sha256, -1, 0),
                    $"{step.Hunt.Title}: {w.Check}", [new("reason", w.Reason), new("sha256", w.File.Sha256)]) with
                { Severity = w.Severity });
            }
        }
    }

    private static Finding YaraFinding(YaraMatch match, CapturedFile file, Provenance provenance) => new()
    {
        Id = FindingIds.For("yara", $"{match.Namespace}:{match.Rule}", file.Tenant, file.Host, provenance, file.OriginalPath),
        Title = $"YARA {match.Rule}" + (match.Meta.Description is { Length: > 0 } d ? $": {Clip(d)}" : string.Empty),
        Severity = SeverityOfScore(match.Meta.Score),
        Detector = "yara",
        RuleId = $"{match.Namespace}:{match.Rule}",
        Tenant = file.Tenant,
        Host = file.Host,
        Timestamp = file.Modified,
        Channel = "captured-file",
        Provenance = provenance,
        OriginalPath = file.OriginalPath,
        Details = [.. match.Strings.Take(8).Select(s => new KeyValuePair<string, string>(s.Identifier, string.Create(CultureInfo.InvariantCulture, $"0x{s.Offset:x}")))],
    };

    // ruleKey names the rule for the id: a YARA rule with its source text (two runbooks' rules may share a name), a file check by its name.
    private static Finding FileFinding(RunbookHuntStep step, string detector, string ruleId, string ruleKey, CapturedFile file, Provenance provenance, string title,
        IReadOnlyList<KeyValuePair<string, string>> details) => new()
        {
            Id = FindingIds.For(detector, ruleKey, file.Tenant, file.Host, provenance, file.OriginalPath),
            Title = title,
            Severity = step.Hunt.Severity,
            Detector = detector,
            Sources = [new FindingSource(step.Runbook.Id, step.Runbook.Version.ToString(), step.Hunt.Id)],
            RuleId = ruleId,
            Techniques = step.Hunt.Techniques,
            Tenant = file.Tenant,
            Host = file.Host,
            Timestamp = file.Modified,
            Channel = "captured-file",
            Provenance = provenance,
            OriginalPath = file.OriginalPath,
            Details = details,
        };
}
