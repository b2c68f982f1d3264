using Ooda.Engine.Response;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda respond status</c>: the case's actions, their states and what the gate would let happen to each now.</summary>
public sealed class RespondStatusCommand : Command<CaseReferenceSettings>
{
    public override int Execute(CommandContext context, CaseReferenceSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var status = RespondCli.Guard(() => ResponseService.Status(workspace, settings.Case));
        if (settings.Json)
        {
            RespondCli.WriteJson(status.Policy, status.Actions, status.Gate, w => w.WriteString("caseId", status.Case.Id));
            return OodaApp.ExitOk;
        }

        RespondCli.WritePolicy(status.Policy);
        RespondCli.WriteTable(status.Actions, status.Gate, $"Actions of {status.Case.Id}");
        return OodaApp.ExitOk;
    }
}
