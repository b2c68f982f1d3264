using System.Security.Cryptography;
using System.Text;

namespace Ooda.Demo.Internal;

/// <summary>Version resources Sysmon reports for an image, and stable made-up hashes.</summary>
internal static class ImageCatalog
{
    private static readonly Dictionary<string, (string Version, string Description, string Product, string Company)> _known =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["cmd.exe"] = ("10.0.17763.1697 (WinBuild.160101.0800)", "Windows Command Processor", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["powershell.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "Windows PowerShell", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["whoami.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "whoami - displays logged on user information", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["net.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "Net Command", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["net1.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "Net Command", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["rundll32.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "Windows host process (Rundll32)", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["svchost.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "Host Process for Windows Services", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["taskhostw.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "Host Process for Windows Tasks", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["wmiprvse.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "WMI Provider Host", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["msiexec.exe"] = ("5.0.17763.1 (WinBuild.160101.0800)", "Windows® installer", "Windows Installer - Unicode", "Microsoft Corporation"),
            ["usoclient.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "UsoClient", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["mpcmdrun.exe"] = ("4.18.2107.4 (WinBuild.160101.0800)", "Microsoft Malware Protection Command Line Utility", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["gpupdate.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "Microsoft® Windows Group Policy Update Utility", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["conhost.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "Console Window Host", "Microsoft® Windows® Operating System", "Microsoft Corporation"),
            ["csc.exe"] = ("4.8.3761.0 built by: NET48REL1", "Visual C# Command Line Compiler", "Microsoft® .NET Framework", "Microsoft Corporation"),
            ["w3wp.exe"] = ("10.0.17763.1 (WinBuild.160101.0800)", "IIS Worker Process", "Internet Information Services", "Microsoft Corporation"),
            ["chrome.exe"] = ("92.0.4515.131", "Google Chrome", "Google Chrome", "Google LLC"),
            ["outlook.exe"] = ("16.0.14228.20226", "Microsoft Outlook", "Microsoft Outlook", "Microsoft Corporation"),
            ["psexesvc.exe"] = ("2.34", "PsExec Service", "Sysinternals PsExec", "Sysinternals - www.sysinternals.com"),
            ["ps.exe"] = ("2.34", "Execute processes remotely", "Sysinternals PsExec", "Sysinternals - www.sysinternals.com"),
            ["nbagent.exe"] = ("7.2.1.114", "Northwind Backup Agent", "Northwind Backup", "Northwind Backup Ltd."),
            ["msexchangemailboxreplication.exe"] = ("15.2.858.5", "Microsoft Exchange Mailbox Replication Service", "Microsoft® Exchange", "Microsoft Corporation"),
        };

    public static (string Version, string Description, string Product, string Company, string OriginalFileName) Describe(string image)
    {
        var file = Path.GetFileName(image.Replace('\\', '/'));
        var original = file.Equals("ps.exe", StringComparison.OrdinalIgnoreCase) ? "psexec.c" : file;
        return _known.TryGetValue(file, out var v)
            ? (v.Version, v.Description, v.Product, v.Company, original)
            : ("-", "-", "-", "-", "-");
    }

    /// <summary>Made-up but stable hashes: the same image path always hashes the same.</summary>
    public static string Hashes(string image)
    {
        var sha = SHA256.HashData(Encoding.UTF8.GetBytes(image.ToUpperInvariant()));
        var md5 = Convert.ToHexString(sha.AsSpan(0, 16));
        var imp = Convert.ToHexString(SHA256.HashData(sha).AsSpan(0, 16));
        return "MD5=" + md5 + ",SHA256=" + Convert.ToHexString(sha) + ",IMPHASH=" + imp;
    }
}
