using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class ServeSettings : WorkspaceSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen, ';'-separated (default http://127.0.0.1:5080). https:// (with --cert) makes the session cookie Secure.")]
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    [CommandOption("--cert <PFX>")]
    [Description("TLS certificate (PKCS#12 .pfx) for https:// URLs; its password from --cert-password-env.")]
    public string? Certificate { get; init; }

    [CommandOption("--cert-password-env <VAR>")]
    [Description("Environment variable holding the certificate's password.")]
    public string? CertificatePasswordVariable { get; init; }

    [CommandOption("--inbox <DIR>")]
    [Description("Watch this folder (<tenant>/<host>/…) for new evidence and hunt it continuously.")]
    public string? Inbox { get; init; }

    [CommandOption("--runbooks <DIR>")]
    [Description("Team runbook folder beside the built-in runbooks (repeatable).")]
    public string[] RunbookFolders { get; init; } = [];

    [CommandOption("--sigma <PATH>")]
    [Description("With --inbox: Sigma rule files or folders hunted on every new file too (repeatable).")]
    public string[] Sigma { get; init; } = [];

    [CommandOption("--filters <DIR>")]
    [Description("With --inbox: Sigma filter folders (per-tenant allow-lists) applied to those rules (repeatable).")]
    public string[] Filters { get; init; } = [];

    [CommandOption("--session-hours <H>")]
    [Description("How long a browser sign-in lasts (default 12).")]
    public double SessionHours { get; init; } = 12;
}
