using Ooda.Investigation.Cases;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case set</c>: title, severity, assignee, TLP and tags.</summary>
public sealed class CaseSetCommand : Command<CaseSetSettings>
{
    public override int Execute(CommandContext context, CaseSetSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var c = CaseCli.Guard(() => CaseService.Update(workspace, settings.Case, new CaseChange
        {
            Title = settings.Title,
            Severity = settings.Severity?.ToLowerInvariant(),
            Assignee = settings.Assignee,
            Tlp = settings.Tlp,
            AddTags = settings.AddTags,
            RemoveTags = settings.RemoveTags,
            Reason = settings.Reason,
        }, settings.Actor));
        if (settings.Json)
            CaseCli.WriteJson(workspace, c);
        else
            CaseCli.Render(workspace, c);
        return OodaApp.ExitOk;
    }
}
