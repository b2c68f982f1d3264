using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class UserTokenSettings : UserSettings
{
    [CommandOption("--label <TEXT>")]
    [Description("What the token is for (shown in lists and the audit log).")]
    public string? Label { get; init; }

    [CommandOption("--revoke <TOKEN-ID>")]
    [Description("Revoke the token with this id (T-…) instead of issuing one.")]
    public string? Revoke { get; init; }
}
