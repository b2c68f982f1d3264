using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class TenantSetSettings : CaseSettings
{
    [CommandArgument(0, "<tenant>")]
    [Description("Tenant name as in the inventory and evidence.")]
    public string Tenant { get; init; } = string.Empty;

    [CommandOption("--mode <MODE>")]
    [Description("notify (we recommend, the customer acts), collaborate (we act with a recorded approval) or authorize (we act, then inform).")]
    public string? Mode { get; init; }

    [CommandOption("--act-if-unreachable")]
    [Description("Collaborate only: act when every contact was tried and none answered.")]
    public bool? ActIfUnreachable { get; init; }

    [CommandOption("--primary <CONTACT>")]
    [Description("First contact, as \"Name <email or phone>\".")]
    public string? Primary { get; init; }

    [CommandOption("--secondary <CONTACT>")]
    [Description("Second contact, tried when the first does not answer.")]
    public string? Secondary { get; init; }

    [CommandOption("--tertiary <CONTACT>")]
    [Description("Third contact.")]
    public string? Tertiary { get; init; }
}
