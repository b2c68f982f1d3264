using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Core;
using Ooda.Engine.Hunt;
using Ooda.Engine.Json;
using Ooda.Sigma;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>
/// <c>ooda hunt</c>: Sigma rules over files or the store; one detection per (rule, event) as a table or JSON lines,
/// then one per correlation window that fired (with its group, window and contributing events).
/// </summary>
public sealed class HuntCommand : Command<HuntSettings>
{
    public override int Execute(CommandContext context, HuntSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Filters.Length > 0 && settings.Sigma is null && settings.Runbooks.Length == 0 && !settings.AllRunbooks)
            throw new InputException("--filters applies to the rules of --sigma or --runbook");
        if (settings.Runbooks.Length > 0 || settings.AllRunbooks || settings.Yara is not null || settings.IocLists.Length > 0)
            return RunbookHunt.Execute(settings, cancellationToken);
        if (settings.Sigma is null)
            throw new InputException("--sigma <DIR>, --runbook <ID>, --yara <DIR> or --iocs <FILE> is required");
        HuntSettingsCheck.Validate(settings);
        var engine = Engine(settings);

        var stopwatch = Stopwatch.StartNew();
        var rules = LoadRules(settings.Sigma, settings);
        var loadTime = stopwatch.Elapsed;
        // --prefilter off: the rules load but no event meets them (the baseline that rule costs are measured against).
        var off = string.Equals(settings.Prefilter, "off", StringComparison.OrdinalIgnoreCase);
        var service = new HuntService(off ? SigmaRuleSet.Compile([]) : rules) { Prefilter = off ? SigmaPrefilter.None : Prefilter(settings) };
        var statistics = new HuntStatistics();
        Workspace? workspace = null;
        try
        {
            IEnumerable<HuntHit> hits;
            if (settings.Store)
            {
                workspace = settings.OpenExistingWorkspace();
                if (engine == HuntEngine.Sql)
                {
                    hits = service.HuntStore(workspace, new SqlHuntScope(settings.Tenant, settings.Host), statistics, settings.MinLevel, cancellationToken: cancellationToken);
                }
                else
                {
                    var events = workspace.QueryEvents(new EventQuery { Tenant = settings.Tenant, Host = settings.Host }, cancellationToken);
                    hits = service.HuntEvents(events, statistics, settings.MinLevel, settings.Threads, cancellationToken);
                }
            }
            else
            {
                hits = service.HuntFiles(new HuntRequest(settings.Paths, settings.Tenant, settings.Host, settings.MinLevel, settings.Threads), statistics, cancellationToken);
            }

            var byLevel = new SortedDictionary<int, int>();
            var byRule = new Dictionary<string, int>(StringComparer.Ordinal);
            var byHost = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            void Count(HuntHit hit)
            {
                var rank = HuntService.LevelRank(hit.Detection.Rule.Level);
                byLevel[rank] = byLevel.GetValueOrDefault(rank) + 1;
                byRule[hit.Detection.Rule.Title] = byRule.GetValueOrDefault(hit.Detection.Rule.Title) + 1;
                byHost[hit.Host] = byHost.GetValueOrDefault(hit.Host) + 1;
            }

            if (settings.Json)
            {
                using var json = new JsonLines();
                foreach (var hit in hits)
                {
                    Count(hit);
                    json.Write(w => WriteJson(w, hit));
                }
            }
            else
            {
                var table = new Table().Border(TableBorder.Simple)
                    .AddColumn("Time (UTC)").AddColumn("Level").AddColumn("Rule").AddColumn("Host").AddColumn("Source").AddColumn("Matched").AddColumn("Where");
                foreach (var hit in hits)
                {
                    Count(hit);
                    var d = hit.Detection;
                    var e = d.Event;
                    if (d.Correlation is { } c)
                    {
                        table.AddRow(
                            new Text(Iso.Format(c.WindowStart)[..19]),
                            new Text(d.Rule.Level ?? "-"),
                            new Text(TerminalText.Clip(d.Rule.Title, 60)),
                            new Text(TerminalText.Clip(hit.Host, 24)),
                            new Text("correlation " + c.TypeName),
                            new Text(TerminalText.Clip(string.Join(" ", d.MatchedFields.Select(f => $"{f.Key}={f.Value}"))
                                + $" [{c.EventCount} hits to {Iso.Format(c.WindowEnd)[11..19]}]", 120)),
                            new Text(TerminalText.Clip(e.Provenance + (c.EventCount > 1 ? $" (+{c.EventCount - 1})" : string.Empty), 60)));
                        continue;
                    }

                    table.AddRow(
                        new Text(e.Timestamp == DateTime.MinValue ? "-" : Iso.Format(e.Timestamp)[..19]),
                        new Text(d.Rule.Level ?? "-"),
                        new Text(TerminalText.Clip(d.Rule.Title, 60)),
                        new Text(TerminalText.Clip(hit.Host, 24)),
                        new Text(TerminalText.Clip($"{e.Channel ?? e.Kind.ToString()} {e.EventId}", 40)),
                        new Text(TerminalText.Clip(string.Join(" ", d.MatchedFields.Select(f => $"{f.Key}={f.Value}"))
                            + (d.Translations.Count > 0 ? $" [{string.Join(", ", d.Translations)}]" : string.Empty), 120)),
                        new Text(TerminalText.Clip(e.Provenance.ToString(), 60)));
                }

                AnsiConsole.Write(table);
            }

            stopwatch.Stop();
            WriteSummary(settings, rules, statistics, byLevel, byRule, byHost, loadTime, stopwatch.Elapsed);
            if (settings.FailOn is not null && byLevel.Keys.Any(rank => rank >= HuntService.LevelRank(settings.FailOn)))
                return OodaApp.ExitFindings;
        }
        finally
        {
            workspace?.Dispose();
        }

        return OodaApp.ExitOk;
    }

    private static SigmaPrefilter Prefilter(HuntSettings settings) => settings.Prefilter?.ToLowerInvariant() switch
    {
        null or "needles" or "off" => SigmaPrefilter.Needles,
        "logsource" => SigmaPrefilter.Logsource,
        "none" => SigmaPrefilter.None,
        _ => throw new InputException($"--prefilter: '{settings.Prefilter}' is not off, none, logsource or needles"),
    };

    private static HuntEngine Engine(HuntSettings settings)
    {
        if (settings.Engine is null)
            return HuntEngine.Memory;
        if (!settings.Store)
            throw new InputException("--engine applies to --store hunts");
        return settings.Engine.ToLowerInvariant() switch
        {
            "memory" => HuntEngine.Memory,
            "sql" => HuntEngine.Sql,
            _ => throw new InputException($"--engine: '{settings.Engine}' is not memory or sql"),
        };
    }

    private static void WriteJson(Utf8JsonWriter w, HuntHit hit)
    {
        var d = hit.Detection;
        var e = d.Event;
        w.WriteStartObject();
        w.WriteString("ruleId", d.Rule.Id);
        w.WriteString("title", d.Rule.Title);
        w.WriteString("level", d.Rule.Level);
        w.WriteStartArray("tags");
        foreach (var tag in d.Rule.Tags)
            w.WriteStringValue(tag);
        w.WriteEndArray();
        w.WriteString("timestamp", e.Timestamp == DateTime.MinValue ? null : Iso.Format(e.Timestamp));
        w.WriteString("tenant", e.Tenant);
        w.WriteString("host", hit.Host);
        w.WriteString("channel", e.Channel);
        EventJson.WriteIds(w, e);
        ProvenanceJson.Write(w, e.Provenance);
        w.WriteString("source", d.Target);
        w.WriteStartObject("translations");
        foreach (var t in d.Translations)
            w.WriteString(t.RuleField, t.EventField);
        w.WriteEndObject();
        w.WriteStartObject("fields");
        foreach (var (name, value) in d.MatchedFields)
            w.WriteString(name, value);
        w.WriteEndObject();
        if (d.Correlation is { } c)
            WriteCorrelation(w, c);
        w.WriteEndObject();
    }

    private static void WriteCorrelation(Utf8JsonWriter w, SigmaCorrelationMatch c)
    {
        w.WriteStartObject("correlation");
        w.WriteString("type", c.TypeName);
        w.WriteStartObject("groupBy");
        foreach (var (name, value) in c.GroupBy)
            w.WriteString(name, value);
        w.WriteEndObject();
        w.WriteString("windowStart", Iso.Format(c.WindowStart));
        w.WriteString("windowEnd", Iso.Format(c.WindowEnd));
        w.WriteString("firedAt", Iso.Format(c.FiredAt));
        w.WriteString("measure", c.Measure);
        w.WriteNumber("value", c.Value);
        w.WriteNumber("events", c.EventCount);
        w.WriteNumber("moreEvents", c.MoreEvents);
        w.WriteStartArray("contributing");
        foreach (var e in c.Events)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", e.Rule.Id);
            w.WriteString("title", e.Rule.Title);
            w.WriteString("timestamp", Iso.Format(e.Timestamp));
            w.WriteString("tenant", e.Tenant);
            w.WriteString("host", e.Host);
            ProvenanceJson.Write(w, e.Provenance);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The --sigma rules, with the Sigma filters of --filters attached when given.</summary>
    private static SigmaRuleSet LoadRules(string sigma, HuntSettings settings)
    {
        if (settings.Filters.Length == 0)
            return SigmaRuleOptions.Load(sigma, settings.Mapping);
        if (!File.Exists(sigma) && !Directory.Exists(sigma))
            throw new InputException($"no Sigma rule file or folder at {sigma}");
        foreach (var path in settings.Filters)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new InputException($"--filters: no Sigma filter file or folder at {path}");
        }

        var options = SigmaCompileOptions.Default with { RuleCacheDirectory = SigmaRuleOptions.CacheDirectory() };
        if (settings.Mapping is not null)
        {
            try
            {
                options = options with { Mapping = LogsourceMapping.Load(settings.Mapping) };
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new InputException($"--mapping: {e.Message}", e);
            }
        }

        return SigmaRuleSet.Load(sigma, settings.Filters, options);
    }

    private static void WriteSummary(HuntSettings settings, SigmaRuleSet rules, HuntStatistics statistics, SortedDictionary<int, int> byLevel,
        Dictionary<string, int> byRule, Dictionary<string, int> byHost, TimeSpan loadTime, TimeSpan elapsed)
    {
        // In JSON mode stdout carries only detections; the summary goes to stderr.
        var console = settings.Json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
        var verdicts = rules.Verdicts;
        var compiled = verdicts.Count(v => v.Status == SigmaVerdictStatus.Compiled);
        console.MarkupLine(CultureInfo.InvariantCulture, "[grey]rules: {0} loaded, {1} not loaded ({2}); load {3:0.00} s[/]",
            compiled, verdicts.Count - compiled,
            Markup.Escape(string.Join(", ", verdicts.Where(v => v.Error is not null).GroupBy(v => v.Error!.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))),
            loadTime.TotalSeconds);
        if (settings.ShowRules)
        {
            foreach (var v in verdicts.Where(v => v.Status != SigmaVerdictStatus.Compiled))
                console.MarkupLine($"[grey]  {v.Status}: {Markup.Escape(TerminalText.Clean(v.Location))}: {Markup.Escape(TerminalText.Clean(v.Error?.ToString()))}[/]");
        }

        var seconds = Math.Max(elapsed.TotalSeconds - loadTime.TotalSeconds, 1e-6);
        console.MarkupLine(CultureInfo.InvariantCulture, "[grey]{0} files, {1} events, {2} detections in {3:0.00} s ({4:0} events/s)[/]",
            statistics.Files, statistics.Events, byLevel.Values.Sum(), seconds, statistics.Events / seconds);
        if (statistics.Events > 0 && statistics.SqlHunt is null)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]rule evaluation: {0:0.00} s over all threads, {1:0.00} µs/event (prefilter {2})[/]",
                statistics.RuleTime.TotalSeconds, statistics.RuleTime.TotalMicroseconds / statistics.Events, Markup.Escape((settings.Prefilter ?? "needles").ToLowerInvariant()));
        }

        if (statistics.SqlHunt is { } sql)
        {
            var byStatus = sql.Plan.Verdicts.GroupBy(v => v.Status).ToDictionary(g => g.Key, g => g.Count());
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]sql: {0} queries ({1:0.00} s to prepare, {2:0.00} s to run); rules {3} translated, {4} partly, {5} not (decided in memory), {6} correlations; {7} events returned, {8} hits decided in memory[/]",
                sql.Plan.Queries.Count, sql.PrepareTime.TotalSeconds, sql.QueryTime.TotalSeconds, byStatus.GetValueOrDefault(SigmaSqlStatus.Translated),
                byStatus.GetValueOrDefault(SigmaSqlStatus.Partial), byStatus.GetValueOrDefault(SigmaSqlStatus.NotTranslated), byStatus.GetValueOrDefault(SigmaSqlStatus.Correlation),
                sql.Rows, sql.DecidedInMemory);
            if (settings.ShowRules)
            {
                foreach (var v in sql.Plan.Verdicts.Where(v => v.Status is SigmaSqlStatus.Partial or SigmaSqlStatus.NotTranslated))
                    console.MarkupLine($"[grey]  sql {v.Status}: {Markup.Escape(TerminalText.Clean(v.Rule.Location))}: {Markup.Escape(TerminalText.Clean(string.Join("; ", v.Reasons)))}[/]");
            }
        }

        if (rules.Correlations.Count > 0)
        {
            var (buffered, dropped, ungrouped, untimed) = statistics.CorrelationBuffer;
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]correlations: {0} rules, {1} fired, from {2} base hits ({3} without a group-by value, {4} without a time, {5} over the buffer)[/]",
                rules.Correlations.Count, statistics.Correlations, buffered, ungrouped, untimed, dropped);
        }

        if (byLevel.Count > 0)
            console.MarkupLine("[grey]by level: " + Markup.Escape(string.Join(", ", byLevel.Reverse().Select(p => $"{(p.Key >= 0 ? SeverityLevels.All[p.Key] : "none")} {p.Value}"))) + "[/]");
        if (byRule.Count > 0)
            console.MarkupLine("[grey]top rules: " + Markup.Escape(TerminalText.Clean(string.Join("; ", byRule.OrderByDescending(p => p.Value).Take(10).Select(p => $"{p.Key} ({p.Value})")))) + "[/]");
        if (byHost.Count > 0)
            console.MarkupLine("[grey]hosts: " + Markup.Escape(TerminalText.Clean(string.Join(", ", byHost.OrderByDescending(p => p.Value).Take(20).Select(p => $"{p.Key} {p.Value}")))) + "[/]");
        var diagnostics = statistics.Diagnostics.Count;
        if (diagnostics > 0)
            console.MarkupLine(CultureInfo.InvariantCulture, "[yellow]{0} evidence diagnostics (first: {1})[/]", diagnostics, Markup.Escape(TerminalText.Clean(statistics.Diagnostics.First().ToString())));
    }
}
