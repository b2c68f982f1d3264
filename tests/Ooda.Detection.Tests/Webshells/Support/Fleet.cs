using System.Security.Cryptography;
using System.Text;
using Ooda.Core;

namespace Ooda.Detection.Tests.Webshells.Support;

/// <summary>Captured files of a made-up fleet with their contents in memory, as the webshell checks receive them.</summary>
internal sealed class Fleet
{
    public const string HttpProxy = @"C:\Program Files\Microsoft\Exchange Server\V15\FrontEnd\HttpProxy\";

    public static readonly DateTime Installed = new(2021, 4, 2, 21, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<CapturedFile, Func<Stream?>> _contents = new(ReferenceEqualityComparer.Instance);

    public List<CapturedFile> Files { get; } = [];

    /// <summary>Hosts ex01…exNN of tenant contoso with the stock Exchange and IIS files, the same on every host.</summary>
    public static Fleet Stock(int hosts, int seed = 1)
    {
        var fleet = new Fleet();
        var random = new Random(seed);
        for (var i = 1; i <= hosts; i++)
        {
            var host = $"ex{i:00}";
            var installed = Installed.AddHours(random.Next(0, 72));
            fleet.Add(host, @"C:\inetpub\wwwroot\iisstart.htm", "<html><head><title>IIS Windows Server</title></head></html>", installed.AddDays(-200));
            fleet.Add(host, HttpProxy + @"owa\auth\logon.aspx", StockLogon, installed);
            fleet.Add(host, HttpProxy + @"owa\auth\errorFE.aspx", StockError, installed);
            fleet.Add(host, HttpProxy + @"owa\auth\15.2.858\scripts\premium\flogon.js", "function clkLgn() { /* evaluate the form */ }", installed);
            fleet.Add(host, HttpProxy + @"owa\web.config", "<configuration><system.web /></configuration>", installed);
            fleet.Add(host, HttpProxy + @"ecp\auth\TimeoutLogout.aspx", StockError.Replace("errorFE", "TimeoutLogout", StringComparison.Ordinal), installed);
            fleet.Add(host, @"C:\inetpub\wwwroot\corp\status.aspx", "<%@ Page Language=\"C#\" %><p>Evaluation status: <%= DateTime.UtcNow %></p>", installed.AddDays(-10));
        }

        return fleet;
    }

    public const string StockLogon = """
        <%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.Logon" %>
        <html><head><title>Outlook</title><script src="/owa/auth/15.2.858/scripts/premium/flogon.js"></script></head>
        <body onload="init()"><form action="/owa/auth.owa" method="POST"><input id="username" name="username" /></form></body></html>
        """;

    public const string StockError = """
        <%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.errorFE" %>
        <html><body><div id="errMsg"><%= ErrorMessage %></div></body></html>
        """;

    public CapturedFile Add(string host, string windowsPath, string content, DateTime modified, string tenant = "contoso") =>
        Add(host, windowsPath, Encoding.UTF8.GetBytes(content), modified, tenant);

    public CapturedFile Add(string host, string windowsPath, byte[] content, DateTime modified, string tenant = "contoso")
    {
        var file = Captured(host, windowsPath, content.Length, modified, Convert.ToHexStringLower(SHA256.HashData(content)), content.AsSpan(0, Math.Min(16, content.Length)).ToArray(), tenant);
        _contents[file] = () => new MemoryStream(content, writable: false);
        return file;
    }

    /// <summary>A file whose content comes from <paramref name="open"/> (for streams too large to hold, or that fail).</summary>
    public CapturedFile Add(string host, string windowsPath, long size, Func<Stream?> open, byte[] firstBytes, DateTime modified)
    {
        var file = Captured(host, windowsPath, size, modified, "", firstBytes, "contoso");
        _contents[file] = open;
        return file;
    }

    public Stream? Open(CapturedFile file) => _contents.TryGetValue(file, out var open) ? open() : null;

    private CapturedFile Captured(string host, string windowsPath, long size, DateTime modified, string sha256, byte[] firstBytes, string tenant)
    {
        var source = $"{tenant}/{host}/fs/C/{(windowsPath.Length > 3 ? windowsPath[3..] : "").Replace('\\', '/')}";
        var file = new CapturedFile(tenant, host, windowsPath, source, size, modified, modified, sha256, firstBytes);
        Files.Add(file);
        return file;
    }
}
