using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda audit verify</c>: recomputes the audit log's hash chain; exit 1 when any entry was edited or removed.</summary>
public sealed class AuditVerifyCommand : Command<WorkspaceSettings>
{
    public override int Execute(CommandContext context, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var result = workspace.VerifyAudit();
        if (settings.Json)
        {
            using var json = new Rendering.JsonLines();
            json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("intact", result.IsIntact);
                w.WriteNumber("entries", result.Entries);
                if (result.BrokenAt is { } at)
                    w.WriteNumber("brokenAt", at);
                else
                    w.WriteNull("brokenAt");
                w.WriteString("problem", result.Problem);
                w.WriteEndObject();
            });
        }
        else if (result.IsIntact)
        {
            AnsiConsole.MarkupLine($"[green]audit log intact[/]: {result.Entries} entries, every hash and link verified");
        }
        else
        {
            AnsiConsole.MarkupLine($"[red]audit log broken at entry {result.BrokenAt}[/]: {Markup.Escape(result.Problem ?? string.Empty)} ({result.Entries} entries read)");
        }

        return result.IsIntact ? OodaApp.ExitOk : OodaApp.ExitFindings;
    }
}
