namespace Ooda.Detection.Webshells;

/// <summary>The built-in lists behind <see cref="WebshellOptions"/>: IIS and Exchange web roots, served extensions, stock files, stub patterns.</summary>
public static class WebshellDefaults
{
    /// <summary>IIS and Exchange web roots; the path from the marker on is what fleets are compared by.</summary>
    public static IReadOnlyList<string> WebRoots { get; } =
    [
        @"\inetpub\wwwroot\",
        @"\FrontEnd\HttpProxy\",     // Exchange 2013+ Client Access front end: owa, ecp, ews, autodiscover …
        @"\ClientAccess\",           // Exchange back end (and 2010's Client Access role)
        @"\aspnet_client\",          // the folder HAFNIUM favoured, wherever the site puts it
    ];

    public static IReadOnlyList<string> WebExtensions { get; } =
    [
        ".aspx", ".ashx", ".asmx", ".ascx", ".asax", ".asp", ".asa", ".cer", ".cdx", ".svc", ".soap", ".rem",
        ".cshtml", ".vbhtml", ".config", ".js", ".htm", ".html", ".shtml", ".stm", ".php", ".jsp", ".jspx",
    ];

    /// <summary>Exchange and IIS stock files, never flagged by rarity or age alone.</summary>
    public static IReadOnlyList<string> KnownGood { get; } =
    [
        @"FrontEnd\HttpProxy\owa\auth\logon.aspx",
        @"FrontEnd\HttpProxy\owa\auth\logoff.aspx",
        @"FrontEnd\HttpProxy\owa\auth\errorFE.aspx",
        @"FrontEnd\HttpProxy\owa\auth\expiredpassword.aspx",
        @"FrontEnd\HttpProxy\owa\auth\frowny.aspx",
        @"FrontEnd\HttpProxy\owa\auth\signout.aspx",
        @"FrontEnd\HttpProxy\owa\auth\OutlookCN.aspx",
        @"FrontEnd\HttpProxy\owa\auth\RedirSuiteServiceProxy.aspx",
        @"FrontEnd\HttpProxy\ecp\auth\TimeoutLogout.aspx",
        @"FrontEnd\HttpProxy\owa\auth\TimeoutLogout.aspx",
        @"**\<build>\**\*.js",       // OWA script bundles live under a build-number folder
        @"**\<build>\**\*.css",
        @"**\web.config",
        @"inetpub\wwwroot\iisstart.htm",
        @"inetpub\wwwroot\iisstart.png",
        @"inetpub\wwwroot\welcome.png",
    ];

    /// <summary>Server-side stubs: request data reaching eval, a loader, a process or a file write.</summary>
    public static IReadOnlyList<WebshellPattern> Patterns { get; } =
    [
        new("eval-request", @"\beval\s*\(\s*Request\b",
            "evaluates request data as code, the server side of China Chopper and its kin", "critical"),
        new("request-item-indexer", @"\bRequest\s*\.\s*Item\s*\[",
            "reads a request parameter through Request.Item[…], as China Chopper's ASPX server does", "medium"),
        new("jscript-unsafe-eval", @"\beval\s*\([^;]{0,300}[""']unsafe[""']",
            "JScript eval with the \"unsafe\" option runs arbitrary code with full trust", "critical"),
        new("assembly-load-base64", @"Assembly\s*\.\s*Load\s*\(\s*(System\s*\.\s*)?Convert\s*\.\s*FromBase64String",
            "loads a .NET assembly from base64 text, as in-memory webshells (Godzilla, Behinder, AntSword) do", "critical"),
        new("base64-from-request", @"FromBase64String\s*\(\s*(HttpContext\s*\.\s*Current\s*\.\s*)?Request\b",
            "decodes base64 taken straight from the request", "high"),
        new("process-start-request", @"(Process\s*\.\s*Start|ProcessStartInfo)\s*\([^;]{0,300}\bRequest\b",
            "starts a process with request data", "critical"),
        new("shell-with-request", @"\b(cmd|cmd\.exe|powershell|powershell\.exe)\b[^;\r\n]{0,200}\bRequest\s*[\.\[(]",
            "runs cmd or PowerShell with request data", "high"),
        new("write-file-from-request", @"(StreamWriter|File\s*\.\s*WriteAll(Text|Bytes))\s*\(\s*(Server\s*\.\s*MapPath\s*\(\s*)?Request\b",
            "writes a file whose path or content comes from the request, an uploader stage", "high"),
        new("compile-from-request", @"CompileAssemblyFromSource\s*\([^;]{0,300}\bRequest\b",
            "compiles C# sent in the request", "critical"),
        new("asp-chopper-one-liner", @"<%\s*(eval|execute|executeglobal)\s*\(?\s*request\s*[\(\.]",
            "classic ASP China Chopper one-liner (<%eval request(\"…\")%>)", "critical"),
        new("php-exec-input", @"\b(eval|assert|system|passthru|shell_exec|exec|popen)\s*\(\s*(base64_decode\s*\(\s*)?\$_(POST|GET|REQUEST|COOKIE)\b",
            "PHP one-liner running request input", "critical"),
        new("jsp-exec-request", @"Runtime\s*\.\s*getRuntime\s*\(\s*\)\s*\.\s*exec\s*\(\s*request\s*\.\s*getParameter",
            "JSP running a request parameter as a command", "critical"),
    ];
}
