using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Json;
using Ooda.Engine.Runbooks;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda runbook learn</c>: writes the next version of a runbook from an engagement's confirmed findings.</summary>
public sealed class RunbookLearnCommand : Command<RunbookLearnSettings>
{
    public override int Execute(CommandContext context, RunbookLearnSettings settings, CancellationToken cancellationToken)
    {
        if (settings.From is null)
            throw new InputException("--from <findings.jsonl|store> is required");
        if (RunbookVocabulary.SeverityRank(settings.MinSeverity) < 0)
            throw new InputException($"--min-severity: '{settings.MinSeverity}' is not informational, low, medium, high or critical");
        var output = settings.Out ?? settings.RunbookFolders.FirstOrDefault()
            ?? throw new InputException("--out <DIR> (or a --runbooks folder) is required: the new version is written there");
        // The team folder the new version goes to may not exist yet on a first lesson.
        Directory.CreateDirectory(output);
        var library = RunbookLibraryOptions.Load(settings.RunbookFolders);
        var current = RunbookLibraryOptions.Select(library, [settings.Runbook], all: false)[0];
        IReadOnlyList<Finding> findings;
        string source;
        if (settings.From == "store")
        {
            using var workspace = settings.OpenExistingWorkspace();
            findings = workspace.QueryFindings(new FindingQuery { Tenant = settings.Tenant });
            source = $"workspace {Path.GetFullPath(settings.WorkspaceFolder)}" + (settings.Tenant is null ? string.Empty : $" tenant {settings.Tenant}");
        }
        else if (IsCaseReference(settings.From))
        {
            using var workspace = settings.OpenExistingWorkspace();
            var @case = CaseCli.Require(workspace, settings.From);
            // The case's linked findings are the ones an analyst confirmed; the lesson names the case it came from.
            findings = Ooda.Investigation.Cases.CaseService.FindingsOf(workspace, @case);
            source = $"case {@case.Id} ({@case.Title})";
        }
        else
        {
            findings = ReadFindings(settings.From);
            source = $"findings {Path.GetFileName(settings.From)}";
        }

        var lesson = RunbookLessons.From(current, findings, source, settings.MinSeverity, settings.Author);
        var next = RunbookLearner.Learn(current, lesson, DateOnly.FromDateTime(DateTime.UtcNow));
        if (next is null)
        {
            AnsiConsole.MarkupLine($"[grey]nothing new for {Markup.Escape(current.Reference)} in {findings.Count} findings[/]");
            return OodaApp.ExitOk;
        }

        var path = Path.Combine(output, $"{next.Id}@{next.Version}.yml");
        if (File.Exists(path))
            throw new InputException($"{path} exists; versions are never overwritten");
        var yaml = RunbookWriter.ToYaml(next);
        // What is written must read back: a learned runbook that fails to load would silently stop hunting.
        var check = RunbookLoader.LoadText(yaml, path);
        if (check.Runbook is null)
            throw new InvalidOperationException("the learned runbook does not load: " + string.Join("; ", check.Errors));
        File.WriteAllText(path, yaml);
        if (IsCaseReference(settings.From))
        {
            using var workspace = settings.OpenExistingWorkspace();
            var @case = CaseCli.Require(workspace, settings.From);
            workspace.AppendAudit(settings.Author ?? Environment.GetEnvironmentVariable(CaseSettings.AnalystVariable) ?? Environment.UserName, "runbook.learn",
                Store.Workspace.CaseSubject(@case.Id), JsonSerializer.Serialize(new Dictionary<string, string> { ["runbook"] = next.Id, ["version"] = next.Version.ToString(), ["file"] = path }));
        }

        AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(next.Reference)}[/] to {Markup.Escape(path)}");
        foreach (var change in next.Changelog[^1].Changes)
            AnsiConsole.MarkupLine($"  [green]{Markup.Escape(TerminalText.Clean(change))}[/]");
        AnsiConsole.MarkupLine($"[grey]review it: ooda runbook diff {Markup.Escape(current.Reference)} {Markup.Escape(next.Reference)} --runbooks {Markup.Escape(output)}[/]");
        return OodaApp.ExitOk;
    }

    /// <summary>A case id (<c>C-0007</c>) rather than a findings file; a file of that name still wins.</summary>
    private static bool IsCaseReference(string from) =>
        !File.Exists(from) && System.Text.RegularExpressions.Regex.IsMatch(from, "^[Cc]-[0-9]+$");

    private static List<Finding> ReadFindings(string path)
    {
        if (!File.Exists(path))
            throw new InputException($"no findings file at {path}");
        var findings = new List<Finding>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                findings.Add(FindingJson.Read(document.RootElement));
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or FormatException or KeyNotFoundException)
            {
                throw new InputException($"{path}:{number}: not a finding: {e.Message}", e);
            }
        }

        return findings;
    }
}
