using System.Globalization;

namespace Ooda.Demo.Internal;

/// <summary>
/// Legitimate activity that looks like the intrusion, so hunts prove they tell the two apart: the day before the
/// attack an Exchange administrator exports a leaver's mailbox to the backup share as a .pst (the same cmdlet the
/// attacker uses, but to a .pst on a file server, not a page in a web folder).
/// </summary>
internal static class BenignLookalikes
{
    public static void AddWindowsEvents(WindowsEvents w, ProxyShellIntrusion intrusion)
    {
        if (w.Host != intrusion.Victim || w.Host.Users.Count < 2)
            return;
        var admin = w.Host.Users[1];
        var leaver = w.Host.Users[^1];
        var at = DemoOptions.Start.AddHours(15).AddMinutes(12).AddSeconds(9);
        var callerPath = w.Host.Tenant.Domain + "/Users/" + admin.Sam;
        var process = "10244 w3wp#MSExchangePowerShellAppPool";
        w.ExchangeCmdlet(at, "New-MailboxExportRequest",
            @"-Mailbox """ + leaver.Upn + @""" -FilePath ""\\nbk-vault01\pst$\leavers\" + leaver.Sam + "-" + at.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + @".pst""",
            callerPath, admin.Sid, "Remote-ManagementShell-Unknown", process, TimeSpan.FromMilliseconds(2650));
    }
}
