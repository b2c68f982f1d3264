using System.Text;
using Ooda.Cli.Rendering;
using Ooda.Engine.Response;
using Ooda.Response;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>
/// <c>ooda respond dispatch</c>: runs the case's actions through the tenant's gate — endpoint actions to the webhook (or
/// outbox), customer steps into the PowerShell script, and the notice for the customer's contacts.
/// </summary>
public sealed class RespondDispatchCommand : AsyncCommand<RespondDispatchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RespondDispatchSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Webhook is not null && settings.Outbox is not null)
            throw new InputException("give --webhook or --outbox, not both");
        if (settings.Timeout is <= 0 or > 600)
            throw new InputException("--timeout must be between 0 and 600 seconds");
        if (settings.Retries is < 0 or > 10)
            throw new InputException("--retries must be between 0 and 10");
        using var workspace = settings.OpenExistingWorkspace();
        var @case = CaseCli.Require(workspace, settings.Case);
        var folder = Path.Combine(workspace.Folder, "responses", @case.Id);
        if (settings.Unreachable != settings.Tried.Length > 0)
            throw new InputException("--unreachable needs --tried for each contact that was tried (primary, secondary, tertiary, or a name); --tried needs --unreachable");
        if (settings.TriedAt is not null && settings.Tried.Length == 0)
            throw new InputException("--tried-at needs --tried");
        using var webhook = settings.Webhook is null ? null : Webhook(settings);
        IActionConnector? connector = (IActionConnector?)webhook ?? (settings.Outbox is null ? null : Outbox(settings));
        var policy = ResponseService.PolicyFor(workspace, @case.Tenant);
        var triedAt = settings.TriedAt is null ? (DateTime?)null : Iso.Parse(settings.TriedAt, "--tried-at");
        var request = new DispatchRequest
        {
            Connector = connector,
            ScriptPath = settings.Script ?? Path.Combine(folder, "remediation.ps1"),
            NoticePath = settings.Notice ?? Path.Combine(folder, "notice.txt"),
            Unreachable = settings.Unreachable ? RespondCli.Guard(() => ContactAttempt.Resolve(policy, settings.Tried, triedAt)) : null,
        };
        var report = await ResponseService.DispatchAsync(workspace, @case.Id, request, settings.Actor, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            RespondCli.WriteJson(report.Policy, report.Actions, extra: w =>
            {
                w.WriteString("caseId", @case.Id);
                w.WriteString("script", report.Script is null ? null : request.ScriptPath);
                w.WriteString("notice", request.NoticePath);
                w.WriteStartArray("outcomes");
                foreach (var o in report.Outcomes)
                {
                    w.WriteStartObject();
                    w.WriteString("actionId", o.ActionId);
                    w.WriteString("verdict", o.Verdict.ToString());
                    w.WriteString("reason", o.Reason);
                    w.WriteString("state", o.State);
                    w.WriteString("detail", o.Detail);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            return OodaApp.ExitOk;
        }

        RespondCli.WritePolicy(report.Policy);
        RespondCli.WriteTable(report.Actions, [.. report.Outcomes.Select(o => new GateDecision(o.ActionId, o.Verdict, o.Detail ?? o.Reason))], $"Dispatch of {@case.Id}");
        if (report.Script is not null)
            AnsiConsole.MarkupLine($"Customer script: {Markup.Escape(request.ScriptPath!)}");
        AnsiConsole.MarkupLine($"Customer notice: {Markup.Escape(request.NoticePath!)}");
        if (connector is null && report.Outcomes.Any(o => o.Verdict is GateVerdict.Dispatch or GateVerdict.DispatchUnreachable))
            AnsiConsole.MarkupLine("[yellow]Endpoint actions are held: give --webhook URL --secret-env VAR (or --outbox DIR) to send them.[/]");
        return OodaApp.ExitOk;
    }

    private static WebhookConnector Webhook(RespondDispatchSettings settings)
    {
        if (!Uri.TryCreate(settings.Webhook, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new InputException($"--webhook: '{settings.Webhook}' is not an http or https URL");
        if (!WebhookConnector.IsAllowedEndpoint(endpoint))
            throw new InputException($"--webhook: '{settings.Webhook}' is plain http to another host; use https (plain http is allowed only to loopback)");
        var secret = Secret(settings) ?? throw new InputException("--webhook needs --secret-env VAR naming the environment variable that holds the signing secret");
        return new WebhookConnector(new WebhookOptions
        {
            Endpoint = endpoint,
            Secret = secret,
            AttemptTimeout = TimeSpan.FromSeconds(settings.Timeout),
            MaxRetries = settings.Retries,
        });
    }

    private static OutboxConnector Outbox(RespondDispatchSettings settings)
    {
        // A key anyone can guess (the case id was the default) would let anyone forge what the outbox's readers trust.
        var secret = Secret(settings) ?? throw new InputException("--outbox needs --secret-env VAR naming the environment variable that holds the signing secret");
        return new OutboxConnector(settings.Outbox!, secret);
    }

    private static byte[]? Secret(RespondDispatchSettings settings)
    {
        if (settings.SecretEnv is null)
            return null;
        var value = Environment.GetEnvironmentVariable(settings.SecretEnv);
        if (string.IsNullOrEmpty(value))
            throw new InputException($"--secret-env: the environment variable {settings.SecretEnv} is not set or empty");
        return Encoding.UTF8.GetBytes(value);
    }
}
