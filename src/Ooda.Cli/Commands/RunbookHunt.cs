using System.Diagnostics;
using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Core;
using Ooda.Engine.Hunt;
using Ooda.Engine.Json;
using Ooda.Engine.Runbooks;
using Ooda.Sigma;
using Spectre.Console;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda hunt --runbook …</c>: runs runbook hunts (plus any <c>--sigma</c> rules) and prints findings.</summary>
internal static class RunbookHunt
{
    public static int Execute(HuntSettings settings, CancellationToken cancellationToken)
    {
        HuntSettingsCheck.Validate(settings);

        var stopwatch = Stopwatch.StartNew();
        var library = RunbookLibraryOptions.Load(settings.RunbookFolders);
        var runbooks = RunbookLibraryOptions.Select(library, settings.Runbooks, settings.AllRunbooks);
        var sigmaOptions = SigmaCompileOptions.Default;
        if (settings.Mapping is not null)
            sigmaOptions = sigmaOptions with { Mapping = SigmaMapping(settings.Mapping) };
        IReadOnlyList<SigmaLoadResult>? extra = null;
        if (settings.Sigma is not null)
        {
            if (!File.Exists(settings.Sigma) && !Directory.Exists(settings.Sigma))
                throw new InputException($"no Sigma rule file or folder at {settings.Sigma}");
            extra = SigmaRuleLoader.LoadPath(settings.Sigma).ToList();
        }

        if (settings.Yara is not null && !File.Exists(settings.Yara) && !Directory.Exists(settings.Yara))
            throw new InputException($"no YARA rule file or folder at {settings.Yara}");
        var filters = new List<SigmaLoadResult>();
        foreach (var folder in settings.Filters)
        {
            if (!File.Exists(folder) && !Directory.Exists(folder))
                throw new InputException($"--filters: no Sigma filter file or folder at {folder}");
            filters.AddRange(SigmaRuleLoader.LoadPath(folder));
        }

        if (filters.FirstOrDefault(d => d.Rule is { Kind: not SigmaRuleKind.Filter }) is { } notFilter)
            throw new InputException($"--filters: {notFilter.Location} is not a Sigma filter");
        var iocs = new List<Detection.Iocs.Ioc>();
        var iocDiagnostics = new List<Diagnostic>();
        foreach (var list in settings.IocLists)
        {
            if (!File.Exists(list))
                throw new InputException($"--iocs: no IOC list at {list}");
            Detection.Iocs.IocImport imported;
            try
            {
                imported = Detection.Iocs.IocImporter.ReadFile(list);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"--iocs: cannot read {list}: {e.Message}", e);
            }


            iocs.AddRange(imported.Iocs);
            iocDiagnostics.AddRange(imported.Diagnostics);
            Console.Error.WriteLine(TerminalText.Clean($"ooda: --iocs {list}: {imported.Iocs.Count} indicators from {imported.Entries} entries ({imported.Rejected} rejected, {imported.Duplicates} duplicates)"));
        }

        foreach (var d in iocDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(settings.ShowRules ? int.MaxValue : 5))
            Console.Error.WriteLine("ooda: " + TerminalText.Clean(d.ToString()));
        using var service = new RunbookHuntService(runbooks, new RunbookHuntOptions(extra, sigmaOptions, settings.MinLevel, settings.Tenant, settings.Host, settings.Threads, settings.Yara, filters, iocs));
        RunbookHuntResult result;
        if (settings.Store)
        {
            settings.OpenExistingWorkspace().Dispose();
            result = service.HuntStore(settings.WorkspaceFolder, null, cancellationToken);
        }
        else
        {
            result = service.HuntFiles(settings.Paths, cancellationToken);
        }

        Store.FindingSaveResult? saved = null;
        if (settings.Store || settings.Save)
        {
            using var workspace = settings.OpenWorkspace();
            saved = workspace.SaveFindings(result.Findings);
            // Saved findings feed the leads queue, deduplicated per host and detection, as continuous hunting's do.
            workspace.RaiseLeads(result.Findings, DateTime.UtcNow, actor: Environment.UserName);
        }

        if (settings.Json)
        {
            using var json = new JsonLines();
            foreach (var finding in result.Findings)
                json.Write(w => FindingJson.Write(w, finding));
        }
        else
        {
            WriteTable(result.Findings);
        }

        WriteSummary(settings, runbooks, service, result, saved, stopwatch.Elapsed);
        var failOn = HuntService.LevelRank(settings.FailOn);
        return settings.FailOn is not null && result.Findings.Any(f => HuntService.LevelRank(f.Severity) >= failOn) ? OodaApp.ExitFindings : OodaApp.ExitOk;
    }

    private static LogsourceMapping SigmaMapping(string path)
    {
        try
        {
            return LogsourceMapping.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new InputException($"--mapping: {e.Message}", e);
        }
    }

    private static void WriteTable(IReadOnlyList<Finding> findings)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Time (UTC)").AddColumn("Severity").AddColumn("Runbook / hunt").AddColumn("ATT&CK").AddColumn("Host").AddColumn("What").AddColumn("Where").AddColumn("Id");
        foreach (var f in findings)
        {
            var what = f.Title + ": " + string.Join(" ", f.Details.Take(4).Select(d => $"{d.Key}={d.Value}"));
            table.AddRow(
                new Text(f.Timestamp == DateTime.MinValue ? "-" : Iso.Format(f.Timestamp)[..19]),
                new Text(f.Severity),
                new Text(TerminalText.Clip(f.FoundBy, 40)),
                new Text(TerminalText.Clip(string.Join(" ", f.Techniques), 24)),
                new Text(TerminalText.Clip($"{f.Tenant}/{f.Host}", 30)),
                new Text(TerminalText.Clip(what, 100)),
                new Text(TerminalText.Clip(f.OriginalPath ?? f.Provenance.ToString(), 60)),
                new Text(f.Id[..10]));
        }

        AnsiConsole.Write(table);
    }

    private static void WriteSummary(HuntSettings settings, IReadOnlyList<Detection.Runbooks.Runbook> runbooks, RunbookHuntService service, RunbookHuntResult result,
        Store.FindingSaveResult? saved, TimeSpan elapsed)
    {
        var console = settings.Json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
        var steps = result.Steps;
        console.MarkupLine(CultureInfo.InvariantCulture, "[grey]runbooks: {0}; hunt steps: {1} run, {2} not run[/]",
            Markup.Escape(runbooks.Count == 0 ? "(none)" : string.Join(", ", runbooks.Select(r => r.Reference))), steps.Count(s => s.Runs), steps.Count(s => !s.Runs));
        foreach (var step in steps.Where(s => !s.Runs))
            console.MarkupLine($"[yellow]  not run: {Markup.Escape(step.Reference)}: {Markup.Escape(TerminalText.Clean(step.NotRunReason))}[/]");
        var yara = service.YaraVerdicts;
        if (yara.Count > 0)
        {
            var failed = yara.Where(v => v.Status != Detection.Yara.YaraFileStatus.Compiled).ToList();
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]YARA: {0} files, {1} rules compiled; {2} files not used[/]", yara.Count, yara.Sum(v => v.RuleCount), failed.Count);
            foreach (var v in failed.Take(settings.ShowRules ? int.MaxValue : 5))
                console.MarkupLine($"[yellow]  {Markup.Escape(TerminalText.Clean(v.File))}: {Markup.Escape(TerminalText.Clean(v.Reason))}[/]");
        }
        var byHunt = result.Findings.GroupBy(f => f.FoundBy).OrderByDescending(g => g.Count());
        console.MarkupLine(CultureInfo.InvariantCulture, "[grey]{0} files, {1} events, {2} findings in {3:0.00} s[/]",
            result.Statistics.Files, result.Statistics.Events, result.Findings.Count, elapsed.TotalSeconds);
        if (result.Findings.Count > 0)
        {
            console.MarkupLine("[grey]by severity: " + Markup.Escape(string.Join(", ", result.Findings.GroupBy(f => f.Severity)
                .OrderByDescending(g => HuntService.LevelRank(g.Key)).Select(g => $"{g.Key} {g.Count()}"))) + "[/]");
            console.MarkupLine("[grey]by hunt: " + Markup.Escape(TerminalText.Clean(string.Join("; ", byHunt.Take(15).Select(g => $"{g.Key} ({g.Count()})")))) + "[/]");
            console.MarkupLine("[grey]hosts: " + Markup.Escape(TerminalText.Clean(string.Join(", ", result.Findings.GroupBy(f => $"{f.Tenant}/{f.Host}")
                .OrderByDescending(g => g.Count()).Take(20).Select(g => $"{g.Key} {g.Count()}")))) + "[/]");
        }

        if (saved is not null)
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]workspace: {0} new findings, {1} already known[/]", saved.Added, saved.AlreadyKnown);
        if (result.Diagnostics.Count > 0)
            console.MarkupLine(CultureInfo.InvariantCulture, "[yellow]{0} evidence diagnostics (first: {1})[/]", result.Diagnostics.Count, Markup.Escape(TerminalText.Clean(result.Diagnostics[0].ToString())));
        _ = service;
    }
}
