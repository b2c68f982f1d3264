using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class RespondDispatchSettings : CaseReferenceSettings
{
    [CommandOption("--webhook <URL>")]
    [Description("Endpoint-agent webhook (https; plain http only to loopback); actions the gate allows are POSTed there, signed (X-Ooda-Signature) with an Idempotency-Key.")]
    public string? Webhook { get; init; }

    [CommandOption("--secret-env <VAR>")]
    [Description("Environment variable holding the signing secret (required with --webhook and --outbox).")]
    public string? SecretEnv { get; init; }

    [CommandOption("--outbox <DIR>")]
    [Description("Instead of a webhook: write each signed request to this folder (a local stand-in for the agent).")]
    public string? Outbox { get; init; }

    [CommandOption("--script <FILE>")]
    [Description("Where to write the customer-side PowerShell script (default: <workspace>/responses/<case>/remediation.ps1).")]
    public string? Script { get; init; }

    [CommandOption("--notice <FILE>")]
    [Description("Where to write the customer notification (default: <workspace>/responses/<case>/notice.txt).")]
    public string? Notice { get; init; }

    [CommandOption("--unreachable")]
    [Description("Collaborate mode: the contacts named by --tried were tried and none answered (acts only if the tenant opted in and every contact was tried).")]
    public bool Unreachable { get; init; }

    [CommandOption("--tried <CONTACT>")]
    [Description("With --unreachable: a contact that was tried and did not answer: primary, secondary, tertiary, or the contact's name or channel; repeat for each.")]
    public string[] Tried { get; init; } = [];

    [CommandOption("--tried-at <TIME>")]
    [Description("With --tried: when the contacts were tried (ISO 8601, UTC).")]
    public string? TriedAt { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("Webhook timeout per attempt (default 10).")]
    public double Timeout { get; init; } = 10;

    [CommandOption("--retries <N>")]
    [Description("Webhook retries on transient failures (default 4).")]
    public int Retries { get; init; } = 4;
}
