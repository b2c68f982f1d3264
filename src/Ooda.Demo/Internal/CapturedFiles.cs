using System.Text;

namespace Ooda.Demo.Internal;

/// <summary>
/// Files a collector copied off the Exchange servers, in the KAPE (<c>fs/C/…</c>) or Velociraptor
/// (<c>uploads/auto/C%3A/…</c>) layout, with deterministic modification times.
/// </summary>
internal static class CapturedFiles
{
    private const string HttpProxy = @"C:\Program Files\Microsoft\Exchange Server\V15\FrontEnd\HttpProxy\";

    public static void Write(OutputTracker output, HostProfile host, ProxyShellIntrusion intrusion, DemoRandom random, string hostFolder)
    {
        if (host.Host.CaptureLayout == FleetCatalog.NoCapture || !host.Host.IsExchange)
            return;

        var installed = new DateTime(2021, 3, 18, 21, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 40)).AddSeconds(random.Next(0, 7200));
        var cu = host.ActualBuild![..host.ActualBuild!.LastIndexOf('.')];
        Text(output, host, hostFolder, @"C:\inetpub\wwwroot\iisstart.htm", installed.AddDays(-200), IisStart);
        Text(output, host, hostFolder, HttpProxy + @"owa\auth\logon.aspx", installed, Logon(cu));
        Text(output, host, hostFolder, HttpProxy + @"owa\auth\errorFE.aspx", installed, ErrorPage);
        Text(output, host, hostFolder, HttpProxy + @"owa\auth\" + cu + @"\scripts\premium\flogon.js", installed, FlogonScript);
        Text(output, host, hostFolder, HttpProxy + @"owa\web.config", installed, WebConfig);
        Text(output, host, hostFolder, HttpProxy + @"ecp\auth\TimeoutLogout.aspx", installed, ErrorPage.Replace("errorFE", "TimeoutLogout", StringComparison.Ordinal));

        if (host != intrusion.Victim)
            return;
        Binary(output, host, hostFolder, intrusion.WebshellPath, intrusion.WebshellWritten, PstWebshell(random));
        Binary(output, host, hostFolder, @"C:\Windows\Temp\lsass.dmp", intrusion.CredentialDump.AddSeconds(2), MiniDumpStub(random));
    }

    /// <summary>Where a collector puts the copy of <paramref name="windowsPath"/>, relative to the host folder.</summary>
    public static string CapturedPath(string layout, string windowsPath)
    {
        var drive = windowsPath[0];
        var rest = windowsPath[3..].Replace('\\', '/');
        return layout == FleetCatalog.Velociraptor ? "uploads/auto/" + drive + "%3A/" + rest : "fs/" + drive + "/" + rest;
    }

    private static void Text(OutputTracker output, HostProfile host, string hostFolder, string windowsPath, DateTime modified, string content) =>
        Binary(output, host, hostFolder, windowsPath, modified, Encoding.UTF8.GetBytes(content.Replace("\n", "\r\n", StringComparison.Ordinal)));

    private static void Binary(OutputTracker output, HostProfile host, string hostFolder, string windowsPath, DateTime modified, byte[] content)
    {
        var relative = hostFolder + "/" + CapturedPath(host.Host.CaptureLayout, windowsPath);
        using (var stream = output.Create(relative))
            stream.Write(content);
        File.SetLastWriteTimeUtc(output.FullPath(relative), modified);
        output.Record(relative, DemoFileKind.CapturedFile, 0, content.Length);
    }

    /// <summary>
    /// What New-MailboxExportRequest leaves behind: a PST ([MS-PST] header "!BDN", wMagicClient "SM") named .aspx,
    /// whose decoded draft carries the page. The page here is an inert stand-in: the eval line is commented out.
    /// </summary>
    private static byte[] PstWebshell(DemoRandom random)
    {
        const int Size = 271_360;
        var bytes = new byte[Size];
        random.NextBytes(bytes.AsSpan(0x200));
        "!BDN"u8.CopyTo(bytes);
        random.NextBytes(bytes.AsSpan(4, 4)); // dwCRCPartial
        "SM"u8.CopyTo(bytes.AsSpan(8));
        bytes[10] = 0x17; // wVer: Unicode PST
        bytes[12] = 0x13; // wVerClient
        bytes[14] = 0x01; // bPlatformCreate
        bytes[15] = 0x01; // bPlatformAccess
        bytes.AsSpan(16, 0x200 - 16).Clear();
        var page = Encoding.ASCII.GetBytes(
            "<script language=\"JScript\" runat=\"server\">\r\nfunction Page_Load(){\r\n"
            + "// OODA DEMO FIXTURE - fictional and inert; the next line is a comment, nothing is evaluated.\r\n"
            + "// eval(Request[\"ooda-demo\"],\"unsafe\");\r\n"
            + "Response.Write(\"ooda demo fixture\");\r\n}\r\n</script>");
        page.CopyTo(bytes.AsSpan(0x2_4C10));
        return bytes;
    }

    /// <summary>A minidump's header ("MDMP") and zero padding: enough for file checks, no real memory.</summary>
    private static byte[] MiniDumpStub(DemoRandom random)
    {
        var bytes = new byte[4096];
        "MDMP"u8.CopyTo(bytes);
        bytes[4] = 0x93;
        bytes[5] = 0xA7;
        random.NextBytes(bytes.AsSpan(8, 8));
        return bytes;
    }

    private const string IisStart = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml">
        <head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" /><title>IIS Windows Server</title></head>
        <body><div id="container"><a href="https://go.microsoft.com/fwlink/?linkid=66138&amp;clcid=0x409"><img src="iisstart.png" alt="IIS" width="960" height="600" /></a></div></body>
        </html>
        """;

    private const string ErrorPage = """
        <%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.errorFE" %>
        <!DOCTYPE html>
        <html><head><title>Outlook</title></head>
        <body><div class="errorHeader">Something went wrong</div><div id="errMsg"><%= ErrorMessage %></div></body>
        </html>
        """;

    private const string WebConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.web>
            <compilation defaultLanguage="c#" debug="false" />
            <httpRuntime maxRequestLength="35000" requestValidationMode="2.0" />
          </system.web>
          <system.webServer>
            <security><requestFiltering><requestLimits maxAllowedContentLength="35000000" /></requestFiltering></security>
          </system.webServer>
        </configuration>
        """;

    private const string FlogonScript = """
        function clkLgn() { var oForm = document.forms[0]; if (oForm.username.value == "") { return false; } oForm.submit(); }
        function setCookie(name, value) { document.cookie = name + "=" + value + "; path=/"; }
        function init() { var user = document.getElementById("username"); if (user) { user.focus(); } }
        """;

    private static string Logon(string cu) => """
        <%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.Logon" %>
        <!DOCTYPE html>
        <html><head><title>Outlook</title>
        <script type="text/javascript" src="/owa/auth/
        """ + cu + """
        /scripts/premium/flogon.js"></script></head>
        <body onload="init()"><form action="/owa/auth.owa" method="POST" name="logonForm">
        <input id="username" name="username" type="text" /><input id="password" name="password" type="password" />
        <div onclick="clkLgn()" class="signinbutton">sign in</div></form></body></html>
        """;
}
