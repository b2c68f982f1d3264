using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ooda.Store;

namespace Ooda.Response;

/// <summary>
/// Generates the PowerShell script a customer's administrators run for the customer-side steps (Exchange cmdlets and
/// Windows commands). The script's code is ours alone: every value that came from evidence — paths, accounts, addresses,
/// hosts, reasons — enters only as a <see cref="PowerShellQuoting.Literal"/>; comments carry only action ids and kinds.
/// </summary>
public static partial class PowerShellScript
{
    /// <summary>How the script is written: UTF-8 with a BOM, so Windows PowerShell 5.1 does not read it as the ANSI code page (the text is ASCII anyway).</summary>
    public static Encoding FileEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Generate(ScriptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = new StringBuilder();
        void Line(string text = "") => s.Append(text).Append('\n');
        Line("# Ooda remediation script. Generated; review every step before running it.");
        Line("# Values from evidence appear only as single-quoted literals. Exchange steps need the Exchange Management Shell;");
        Line("# account steps need the ActiveDirectory module. -DryRun shows each step without running it.");
        Line("#Requires -Version 5.1");
        Line("[CmdletBinding()]");
        Line("param(");
        Line($"    [string] $QuarantineFolder = {PowerShellQuoting.Literal(request.QuarantineFolder)},");
        Line("    [switch] $DryRun");
        Line(")");
        Line("Set-StrictMode -Version 3.0");
        Line("$ErrorActionPreference = 'Stop'");
        Line($"$OodaCase = {PowerShellQuoting.Literal(request.CaseId)}");
        Line($"$OodaTenant = {PowerShellQuoting.Literal(request.Tenant)}");
        Line($"$OodaGenerated = {PowerShellQuoting.Literal(request.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}");
        Line($"$OodaMode = {PowerShellQuoting.Literal(ResponseNames.Of(request.Mode))}");
        Line();
        Line("function Test-OodaHost([string] $OnHost) {");
        Line("    if (-not $OnHost) { return $true }");
        Line("    $short = ($OnHost -split '\\.')[0]");
        Line("    return ($env:COMPUTERNAME -ieq $OnHost) -or ($env:COMPUTERNAME -ieq $short)");
        Line("}");
        Line();
        Line("function Invoke-OodaStep([string] $Id, [string] $OnHost, [string] $Description, [scriptblock] $Step) {");
        Line("    if (-not (Test-OodaHost $OnHost)) { Write-Output ('[' + $Id + '] skipped here: run it on ' + $OnHost); return }");
        Line("    if ($DryRun) { Write-Output ('[' + $Id + '] would run: ' + $Description); return }");
        Line("    try { & $Step; Write-Output ('[' + $Id + '] done: ' + $Description) }");
        Line("    catch { Write-Warning ('[' + $Id + '] failed: ' + $_.Exception.Message) }");
        Line("}");
        Line();
        Line("function Write-OodaManualStep([string] $Id, [string] $OnHost, [string] $Text) {");
        Line("    $where = if ($OnHost) { ' (on ' + $OnHost + ')' } else { '' }");
        Line("    Write-Output ('[' + $Id + '] by hand' + $where + ': ' + $Text)");
        Line("}");
        Line();
        Line("Write-Output ('Ooda case ' + $OodaCase + ' for ' + $OodaTenant + ', generated ' + $OodaGenerated + ', mode ' + $OodaMode)");
        foreach (var action in request.Actions)
        {
            Line();
            Line($"# {SafeToken(action.Id)} {SafeToken(action.Kind)}");
            foreach (var line in Step(action, request))
                Line(line);
        }

        return s.ToString();
    }

    private static IEnumerable<string> Step(StoredAction action, ScriptRequest request)
    {
        var id = PowerShellQuoting.Literal(action.Id);
        var host = PowerShellQuoting.Literal(action.Host ?? string.Empty);
        var description = PowerShellQuoting.Literal(action.Reason);
        string? Get(string name) => action.Parameters.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
        string L(string value) => PowerShellQuoting.Literal(value);
        IEnumerable<string> Run(params string[] body) =>
            [$"Invoke-OodaStep -Id {id} -OnHost {host} -Description {description} -Step {{", .. body.Select(b => "    " + b), "}"];
        IEnumerable<string> ByHand(string text) =>
            [$"Write-OodaManualStep -Id {id} -OnHost {host} -Text {L(text)}"];

        var kind = ResponseNames.TryParseKind(action.Kind, out var k) ? k : (ActionKind?)null;
        var path = Get(ActionParameters.Path);
        var account = Get(ActionParameters.Account);
        var domainScope = !string.Equals(Get(ActionParameters.Scope), "local", StringComparison.OrdinalIgnoreCase);
        switch (kind)
        {
            case ActionKind.QuarantineFile when path is not null:
            {
                var body = new List<string> { $"$path = {L(path)}" };
                if (Get(ActionParameters.Sha256) is { } sha && Sha256Pattern().IsMatch(sha))
                    body.Add($"if ((Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash -ne {L(sha.ToUpperInvariant())}) {{ throw 'the file changed since it was found; left in place' }}");
                body.Add("New-Item -ItemType Directory -Force -Path $QuarantineFolder | Out-Null");
                body.Add($"Move-Item -LiteralPath $path -Destination (Join-Path -Path $QuarantineFolder -ChildPath ({L(action.Id)} + '.quarantined')) -Force");
                return Run([.. body]);
            }

            case ActionKind.DeleteFile when path is not null:
                return Run($"Remove-Item -LiteralPath {L(path)} -Force");
            case ActionKind.KillProcess when Get(ActionParameters.ProcessId) is { } pid && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                return Get(ActionParameters.Image) is { } imageOfPid
                    ? Run($"Get-Process -Id ([int]{L(pid)}) -ErrorAction SilentlyContinue | Where-Object {{ $_.Path -ieq {L(imageOfPid)} }} | Stop-Process -Force")
                    : Run($"Stop-Process -Id ([int]{L(pid)}) -Force");
            case ActionKind.KillProcess when Get(ActionParameters.Image) is { } image:
                return Run($"Get-Process | Where-Object {{ $_.Path -ieq {L(image)} }} | Stop-Process -Force");
            case ActionKind.BlockIp when Get(ActionParameters.Address) is { } address:
                return Run(
                    $"New-NetFirewallRule -DisplayName ('Ooda ' + {L(action.Id)} + ' block in') -Direction Inbound -Action Block -RemoteAddress {L(address)} | Out-Null",
                    $"New-NetFirewallRule -DisplayName ('Ooda ' + {L(action.Id)} + ' block out') -Direction Outbound -Action Block -RemoteAddress {L(address)} | Out-Null");
            case ActionKind.DisableAccount when account is not null:
                return Run(domainScope ? $"Disable-ADAccount -Identity {L(account)}" : $"Disable-LocalUser -Name {L(account)}");
            case ActionKind.RemoveAccount when account is not null:
                return Run(domainScope ? $"Remove-ADUser -Identity {L(account)} -Confirm:$false" : $"Remove-LocalUser -Name {L(account)}");
            case ActionKind.ResetCredentials when account is not null:
                return Run(domainScope
                    ? $"Set-ADAccountPassword -Identity {L(account)} -Reset -NewPassword (Read-Host -AsSecureString -Prompt ('New password for ' + {L(account)}))"
                    : $"Set-LocalUser -Name {L(account)} -Password (Read-Host -AsSecureString -Prompt ('New password for ' + {L(account)}))");
            case ActionKind.RemoveMailboxExportRequests:
            {
                var select = Get(ActionParameters.Mailbox) is { } mailbox ? $"Get-MailboxExportRequest -Mailbox {L(mailbox)}" : "Get-MailboxExportRequest";
                return Run(
                    $"{select} | Get-MailboxExportRequestStatistics | Select-Object Name, Mailbox, FilePath, Status | Format-Table -AutoSize | Out-String | Write-Output",
                    $"{select} | Remove-MailboxExportRequest -Confirm:$false");
            }

            case ActionKind.RemoveRoleAssignment:
                return Get(ActionParameters.Assignee) is { } assignee
                    ? Run($"Get-ManagementRoleAssignment -Role 'Mailbox Import Export' | Where-Object {{ $_.RoleAssigneeName -ieq {L(assignee)} }} | Remove-ManagementRoleAssignment -Confirm:$false")
                    : Run(
                        "Get-ManagementRoleAssignment -Role 'Mailbox Import Export' | Select-Object Name, RoleAssigneeName, RoleAssigneeType | Format-Table -AutoSize | Out-String | Write-Output",
                        "Get-ManagementRoleAssignment -Role 'Mailbox Import Export' | Remove-ManagementRoleAssignment -Confirm:$false");
            case ActionKind.InstallUpdate:
            {
                var build = Get(ActionParameters.Build);
                var update = Get(ActionParameters.Update);
                var text = build is null
                    ? "install the latest security update for this server's cumulative update: " + action.Reason
                    : $"install {update ?? "the update"} so the server runs build {build} or later";
                return
                [
                    $"Invoke-OodaStep -Id {id} -OnHost {host} -Description {description} -Step {{",
                    "    $installed = (Get-Command ExSetup.exe -ErrorAction SilentlyContinue).FileVersionInfo.ProductVersion",
                    "    Write-Output ('Exchange build now: ' + $installed)",
                    "}",
                    .. ByHand(text),
                ];
            }

            default:
                return ByHand(ManualText(kind, action));
        }
    }

    /// <summary>Steps that need a console or a decision: what to do, in words, from the action's own fields.</summary>
    private static string ManualText(ActionKind? kind, StoredAction action)
    {
        string? Get(string name) => action.Parameters.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
        var what = kind switch
        {
            ActionKind.IsolateHost => $"isolate host {action.Subject} from the network (EDR isolation or switch port), keeping the response tooling reachable",
            ActionKind.BlockHash => $"block SHA-256 {action.Subject} in the endpoint protection (custom indicator / application control)",
            ActionKind.BlockDomain => $"block domain {action.Subject} at the DNS resolver and web proxy",
            ActionKind.ApplyMitigation => $"apply the mitigation: {Get(ActionParameters.Mitigation) ?? action.Subject}",
            _ => $"{action.Kind} on {action.Subject}",
        };
        return Get(ActionParameters.Instructions) is { } instructions ? $"{what}. {instructions}" : $"{what}. Why: {action.Reason}";
    }

    /// <summary>Comments hold ids and kinds only; anything else becomes <c>?</c>.</summary>
    private static string SafeToken(string text) => SafeTokenPattern().IsMatch(text) ? text : "?";

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex SafeTokenPattern();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
