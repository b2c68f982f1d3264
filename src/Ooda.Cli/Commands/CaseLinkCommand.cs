using Ooda.Investigation.Cases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case link</c>: links findings to a case, bringing their hosts and evidence with them.</summary>
public sealed class CaseLinkCommand : Command<CaseLinkSettings>
{
    public override int Execute(CommandContext context, CaseLinkSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var before = CaseCli.Require(workspace, settings.Case);
        var ids = settings.Findings.ToList();
        if (settings.ScopeFindings)
            ids.AddRange(CaseService.UnlinkedOnScope(workspace, before, settings.MinSeverity).Select(f => f.Id));
        if (ids.Count == 0)
            throw new InputException("name the findings to link, or pass --scope-findings");
        var c = CaseCli.Guard(() => CaseService.Link(workspace, before.Id, ids, settings.Actor));
        if (settings.Json)
            CaseCli.WriteJson(workspace, c);
        else
            AnsiConsole.MarkupLine($"{Markup.Escape(c.Id)}: {c.FindingIds.Count - before.FindingIds.Count} finding(s) linked, {c.Hosts.Count} host(s) in scope, {c.Evidence.Count} evidence item(s)");
        return OodaApp.ExitOk;
    }
}
