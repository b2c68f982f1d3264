namespace Ooda.Demo;

/// <summary>The one ProxyShell intrusion hidden in the fleet: what a good hunt should find.</summary>
/// <param name="Tenant">Victim tenant.</param>
/// <param name="Host">Victim Exchange server (host name).</param>
/// <param name="AttackerIp">Source of the exploit and of the webshell requests.</param>
/// <param name="WebshellPath">Original Windows path of the webshell (a PST written by a mailbox export).</param>
/// <param name="WebshellUrl">URL path the attacker posted commands to.</param>
/// <param name="FirstExploit">First ProxyShell SSRF request.</param>
/// <param name="MailboxExport">The <c>New-MailboxExportRequest</c> that wrote the webshell.</param>
/// <param name="FirstWebshellCommand">First command run through the webshell.</param>
/// <param name="CredentialDump">LSASS dump through <c>comsvcs.dll MiniDump</c>.</param>
/// <param name="LateralMovement">Network logon and service install on <paramref name="LateralTarget"/>.</param>
/// <param name="LateralTarget">Host reached from the victim.</param>
/// <param name="CreatedAccount">Local administrator the attacker added on the victim.</param>
/// <param name="ScannerIp">A mass scanner that only probed (and failed) against other servers.</param>
public sealed record DemoIntrusion(
    string Tenant,
    string Host,
    string AttackerIp,
    string WebshellPath,
    string WebshellUrl,
    DateTime FirstExploit,
    DateTime MailboxExport,
    DateTime FirstWebshellCommand,
    DateTime CredentialDump,
    DateTime LateralMovement,
    string LateralTarget,
    string CreatedAccount,
    string ScannerIp);
