using System.Collections.Concurrent;
using System.Globalization;
using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Hunt;
using Ooda.Engine.Ingest;
using Ooda.Engine.Internal;
using Ooda.Sigma;
using Ooda.Store;

namespace Ooda.Engine.Runbooks;

/// <summary>
/// Runs runbooks: their Sigma hunts (inline or by id) and any extra Sigma rules in one streaming pass over the evidence,
/// their SQL hunts over the store, and their file hunts over captured files. Every step either runs or says why it
/// cannot; every hit becomes a <see cref="Finding"/> carrying runbook, hunt, ATT&amp;CK techniques and provenance.
/// </summary>
public sealed partial class RunbookHuntService : IDisposable
{
    // Who and what an analyst (and runbook learning) needs beside the fields a rule tested: source address, client, process, file, account.
    private static readonly string[] _contextFields =
        ["c-ip", "ClientIpAddress", "cs(User-Agent)", "UserAgent", "Image", "CommandLine", "ParentImage", "TargetFilename", "User", "TargetUserName"];

    private readonly RunbookHuntOptions _options;
    private readonly List<RunbookHuntStep> _steps = [];
    private readonly Dictionary<SigmaRule, List<RunbookHuntStep>> _stepsByRule = new(ReferenceEqualityComparer.Instance);
    private readonly SigmaRuleSet _rules;

    public RunbookHuntService(IReadOnlyList<Runbook> runbooks, RunbookHuntOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runbooks);
        _options = options ?? new RunbookHuntOptions();
        var extra = _options.SigmaDocuments ?? [];
        var byId = extra.Where(d => d.Rule?.Id is not null).GroupBy(d => d.Rule!.Id!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var documents = new List<SigmaLoadResult>();
        var pending = new Dictionary<string, RunbookHuntStep>(StringComparer.Ordinal);
        foreach (var runbook in runbooks)
        {
            foreach (var hunt in runbook.Hunts)
            {
                switch (hunt.Kind)
                {
                    case RunbookHuntKind.Sigma:
                        var loaded = SigmaRuleLoader.LoadText(hunt.Body, $"runbook:{runbook.Reference}/{hunt.Id}");
                        var broken = loaded.FirstOrDefault(d => d.Rule is null);
                        if (broken is not null || loaded.Count != 1)
                        {
                            _steps.Add(new RunbookHuntStep(runbook, hunt, "inline Sigma rule: " + (broken?.Error?.ToString() ?? "one rule expected")));
                            break;
                        }

                        var step = new RunbookHuntStep(runbook, hunt, null);
                        // A name filters (allow-lists) and correlations can reference: runbook/hunt, unless the rule names itself.
                        var document = loaded[0].Rule!.Name is null ? loaded[0] with { Rule = loaded[0].Rule! with { Name = $"{runbook.Id}/{hunt.Id}" } } : loaded[0];
                        Attach(document.Rule!, step);
                        pending[document.Location] = step;
                        documents.Add(document);
                        break;
                    case RunbookHuntKind.SigmaReference:
                        if (!byId.TryGetValue(hunt.Body, out var referenced))
                        {
                            _steps.Add(new RunbookHuntStep(runbook, hunt, $"Sigma rule {hunt.Body} is not among the rules given with --sigma"));
                            break;
                        }

                        var referencing = new RunbookHuntStep(runbook, hunt, null);
                        Attach(referenced.Rule!, referencing);
                        pending[referenced.Location + "\n" + referencing.Reference] = referencing;
                        break;
                    case RunbookHuntKind.Iocs:
                        _steps.Add(PlanIocs(runbook, hunt));
                        break;
                    case RunbookHuntKind.Yara:
                        _steps.Add(PlanYara(runbook, hunt));
                        break;
                    case RunbookHuntKind.FileCheck:
                        _steps.Add(PlanFileCheck(runbook, hunt));
                        break;
                    default:
                        _steps.Add(new RunbookHuntStep(runbook, hunt, null));
                        break;
                }
            }
        }

        documents.AddRange(extra);
        documents.AddRange(_options.Filters ?? []);
        _iocMatcher = CompileIocs();
        if (_options.YaraPath is not null)
            PlanExtraYara(_options.YaraPath);
        _rules = SigmaRuleSet.Compile(documents, _options.Sigma);
        var verdicts = _rules.Verdicts.GroupBy(v => v.Location, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (location, step) in pending)
        {
            var ruleLocation = location.Split('\n')[0];
            var verdict = verdicts.GetValueOrDefault(ruleLocation);
            _steps.Add(verdict is null || verdict.Status == SigmaVerdictStatus.Compiled
                ? step
                : step with { NotRunReason = $"Sigma rule {verdict.Status.ToString().ToLowerInvariant()}: {verdict.Error}" });
        }
    }

    /// <summary>Every hunt step of the runbooks, with why a step cannot run.</summary>
    public IReadOnlyList<RunbookHuntStep> Steps => _steps;

    /// <summary>The compiled Sigma rules (the runbooks' and the extra ones) with their verdicts.</summary>
    public SigmaRuleSet Rules => _rules;

    /// <summary>Hunts evidence files in place. SQL hunts need the store and are reported as not run.</summary>
    public RunbookHuntResult HuntFiles(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var statistics = new HuntStatistics();
        var findings = new ConcurrentBag<Finding>();
        var hunter = new HuntService(_rules) { EventObserverFactory = IocObserver(findings) };
        foreach (var hit in hunter.HuntFiles(new HuntRequest(paths, _options.Tenant, _options.Host, null, _options.Parallelism), statistics, cancellationToken))
            AddSigma(findings, hit);
        HuntCapturedFiles(CapturedFilesIn(paths, statistics, cancellationToken), findings, statistics, cancellationToken);

        var steps = _steps.Select(s => s.Runs && s.Hunt.Kind == RunbookHuntKind.Sql
            ? s with { NotRunReason = "SQL hunts run over the workspace store: ingest, then hunt with --store" }
            : s).ToList();
        return Result(findings, steps, statistics);
    }

    /// <summary>Hunts the events, captured files and tables of a workspace.</summary>
    public RunbookHuntResult HuntStore(string workspaceFolder, WorkspaceOptions? workspaceOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspaceFolder);
        var statistics = new HuntStatistics();
        var findings = new ConcurrentBag<Finding>();
        var steps = new List<RunbookHuntStep>(_steps.Count);
        foreach (var step in _steps)
            steps.Add(step.Runs && step.Hunt.Kind == RunbookHuntKind.Sql ? RunSql(workspaceFolder, step, findings, cancellationToken) : step);

        using var workspace = Workspace.Open(workspaceFolder, workspaceOptions);
        // A hunt of captured files only (YARA, webshell checks) need not read a single event.
        if (_rules.Rules.Count > 0 || _iocMatcher is not null)
        {
            var events = workspace.QueryEvents(new EventQuery { Tenant = _options.Tenant, Host = _options.Host }, cancellationToken);
            var hunter = new HuntService(_rules) { EventObserverFactory = IocObserver(findings) };
            foreach (var hit in hunter.HuntEvents(events, statistics, null, _options.Parallelism, cancellationToken))
                AddSigma(findings, hit);
        }

        var captured = workspace.ListCapturedFiles(_options.Tenant)
            .Where(f => _options.Host is null || string.Equals(f.Host, _options.Host, StringComparison.OrdinalIgnoreCase)).ToList();
        HuntCapturedFiles(captured, findings, statistics, cancellationToken);
        return Result(findings, steps, statistics);
    }

    public void Dispose()
    {
        _yara.ForEach(y => y.Rules.Dispose());
        _extraYara?.Dispose();
    }

    private RunbookHuntResult Result(ConcurrentBag<Finding> findings, List<RunbookHuntStep> steps, HuntStatistics statistics)
    {
        var minimum = RunbookVocabulary.SeverityRank(_options.MinSeverity);
        // Merged before the severity floor, so a finding that passes keeps the sources and techniques of its milder steps.
        var ordered = findings
            .GroupBy(f => f.Id, StringComparer.Ordinal).Select(Merged)
            .Where(f => minimum < 0 || RunbookVocabulary.SeverityRank(f.Severity) >= minimum)
            .OrderByDescending(f => RunbookVocabulary.SeverityRank(f.Severity))
            .ThenBy(f => f.Timestamp).ThenBy(f => f.Tenant, StringComparer.Ordinal).ThenBy(f => f.Host, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        return new RunbookHuntResult(ordered, steps, statistics, [.. statistics.Diagnostics]);
    }

    /// <summary>One finding per id: the hunt outside runbooks first, then runbook steps in source order, so its title never depends on thread timing.</summary>
    private static Finding Merged(IEnumerable<Finding> found) =>
        found.OrderBy(f => f.Sources.Count == 0 ? 0 : 1).ThenBy(f => f.Sources.Count == 0 ? string.Empty : f.Sources[0].Reference, StringComparer.Ordinal)
            .ThenBy(f => f.Sources.Count == 0 ? string.Empty : f.Sources[0].HuntId, StringComparer.Ordinal)
            .Aggregate((merged, next) => merged.MergedWith(next));

    private void Attach(SigmaRule rule, RunbookHuntStep step)
    {
        if (!_stepsByRule.TryGetValue(rule, out var list))
            _stepsByRule[rule] = list = [];
        list.Add(step);
    }

    private void AddSigma(ConcurrentBag<Finding> findings, HuntHit hit)
    {
        var d = hit.Detection;
        var e = d.Event;
        var details = d.MatchedFields.Select(f => new KeyValuePair<string, string>(f.Key, Clip(f.Value))).ToList();
        foreach (var name in _contextFields)
        {
            if (e.Fields.Get(name) is { Length: > 0 } value && !details.Any(x => string.Equals(x.Key, name, StringComparison.OrdinalIgnoreCase)))
                details.Add(new(name, Clip(value)));
        }

        if (d.Translations.Count > 0)
            details.Add(new("translations", string.Join(", ", d.Translations)));
        if (!_stepsByRule.TryGetValue(d.Rule, out var steps))
        {
            findings.Add(Make("sigma", null, null, d.Rule.Id ?? d.Rule.Title, d.Rule.Id ?? d.Rule.Title, d.Rule.Title, d.Rule.Level ?? "informational", SigmaTechniques(d.Rule.Tags), hit.Host, e, details));
            return;
        }

        foreach (var step in steps.Where(s => s.Runs))
            findings.Add(Make("sigma", step.Runbook, step.Hunt, d.Rule.Id ?? step.Hunt.Id, d.Rule.Id ?? FindingIds.BodyKey("sigma", step.Hunt.Body), step.Hunt.Title, step.Hunt.Severity, step.Hunt.Techniques, hit.Host, e, details));
    }

    // ruleKey names the rule for the id: its own id, else (an inline rule) its text, so one rule copied into four runbooks is one finding.
    private static Finding Make(string detector, Runbook? runbook, RunbookHunt? hunt, string ruleId, string ruleKey, string title, string severity,
        IReadOnlyList<string> techniques, string host, EvidenceEvent e, IReadOnlyList<KeyValuePair<string, string>> details) => new()
        {
            Id = FindingIds.For(detector, ruleKey, e.Tenant, host, e.Provenance),
            Title = title,
            Severity = severity,
            Detector = detector,
            Sources = runbook is null ? [] : [new FindingSource(runbook.Id, runbook.Version.ToString(), hunt?.Id)],
            RuleId = ruleId,
            Techniques = techniques,
            Tenant = e.Tenant,
            Host = host,
            Timestamp = e.Timestamp,
            Channel = e.Channel ?? e.Kind.ToString(),
            EventId = e.EventId,
            RecordId = e.RecordId,
            Provenance = e.Provenance,
            Details = details,
        };

    /// <summary>ATT&amp;CK technique ids from Sigma tags (<c>attack.t1059.001</c> → <c>T1059.001</c>).</summary>
    public static IReadOnlyList<string> SigmaTechniques(IReadOnlyList<string> tags) =>
        tags.Where(t => t.Length > 8 && t.StartsWith("attack.t", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(t[8]))
            .Select(t => t[7..].ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    private RunbookHuntStep RunSql(string workspaceFolder, RunbookHuntStep step, ConcurrentBag<Finding> findings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> columns = [];
        var rows = 0;
        try
        {
            WorkspaceSql.Query(workspaceFolder, step.Hunt.Body, c =>
            {
                columns = c;
                if (!c.Contains("tenant") || !c.Contains("host"))
                    throw new SqlRejectedException("a SQL hunt's query returns at least the columns tenant and host");
            }, row =>
            {
                rows++;
                findings.Add(SqlFinding(step, columns, row));
            }, cancellationToken);
        }
        catch (SqlRejectedException e)
        {
            return step with { NotRunReason = "SQL: " + e.Message };
        }

        return step;
    }

    private Finding SqlFinding(RunbookHuntStep step, IReadOnlyList<string> columns, object?[] row)
    {
        object? Column(string name)
        {
            var i = IndexOf(columns, name);
            return i < 0 ? null : row[i];
        }

        string? Text(string name) => Column(name) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        long? Number(string name) => Column(name) is { } v and (long or int or short or sbyte or byte or ushort or uint or ulong) ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
        var timestamp = Column("ts") is DateTime t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : DateTime.MinValue;
        var provenance = new Provenance(Text("path") ?? Text("file") ?? "workspace", Text("file_sha256") ?? string.Empty, Number("file_offset") ?? -1, Number("line") ?? 0);
        string[] known = ["ts", "tenant", "host", "path", "file", "file_sha256", "file_offset", "line", "channel", "event_id", "record_id", "original_path"];
        var details = columns.Select((c, i) => (c, i)).Where(p => !known.Contains(p.c) && row[p.i] is not null)
            .Select(p => new KeyValuePair<string, string>(p.c, Clip(DetailText(row[p.i])))).ToList();
        var tenant = Text("tenant") ?? "-";
        var host = Text("host") ?? "-";
        var originalPath = Text("original_path");
        return new Finding
        {
            Id = FindingIds.For("sql", FindingIds.BodyKey("sql", step.Hunt.Body), tenant, host, provenance, originalPath,
                provenance.Sha256.Length == 0 ? string.Join('\u001f', details.Select(d => d.Value)) : null),
            Title = step.Hunt.Title,
            Severity = step.Hunt.Severity,
            Detector = "sql",
            // The query names the rule, so two SQL hunts that share a title stay two leads.
            RuleId = FindingIds.BodyKey("sql", step.Hunt.Body),
            Sources = [new FindingSource(step.Runbook.Id, step.Runbook.Version.ToString(), step.Hunt.Id)],
            Techniques = step.Hunt.Techniques,
            Tenant = tenant,
            Host = host,
            Timestamp = timestamp,
            Channel = Text("channel"),
            EventId = (int?)Number("event_id"),
            RecordId = Number("record_id"),
            Provenance = provenance,
            OriginalPath = originalPath,
            Details = details,
        };
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        return -1;
    }

    internal static string Clip(string value) => value.Length <= 512 ? value : value[..512] + "…";

    /// <summary>A SQL value as detail text; times as UTC ISO 8601, never the culture's month/day order.</summary>
    private static string DetailText(object? value) => value switch
    {
        null => string.Empty,
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
