using System.Text;
using System.Text.RegularExpressions;
using Ooda.Detection.Tests.Yara.Support;
using Ooda.Detection.Yara;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Detection.Tests.Yara;

/// <summary>signature-base (shared corpus): every file gets a verdict, and the Exchange-wave rules fire on inert files we write.</summary>
public sealed partial class YaraSignatureBaseTests : IClassFixture<SignatureBaseFixture>
{
    private const string OwaAuth = @"C:\Program Files\Microsoft\Exchange Server\V15\FrontEnd\HttpProxy\owa\auth\";

    private readonly SignatureBaseFixture _signatureBase;
    private readonly ITestOutputHelper _output;

    public YaraSignatureBaseTests(SignatureBaseFixture signatureBase, ITestOutputHelper output)
    {
        _signatureBase = signatureBase;
        _output = output;
    }

    [SkippableFact]
    public void Every_rule_file_gets_a_verdict_and_every_failure_a_reason()
    {
        var result = _signatureBase.Result;
        var folder = Corpus.Require(SignatureBaseFixture.Folder);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yar", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yara", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(files, result.Files.Select(f => f.File));
        var compiled = result.Files.Where(f => f.Status == YaraFileStatus.Compiled).ToList();
        _output.WriteLine($"{files.Count} files, {compiled.Count} compiled, {result.Rules?.RuleCount} rules, in {_signatureBase.Elapsed.TotalSeconds:F1} s");
        foreach (var failed in result.Files.Where(f => f.Status != YaraFileStatus.Compiled))
            _output.WriteLine($"{Path.GetFileName(failed.File)}: {failed.Status}: {failed.Reason}");
        Assert.All(result.Files.Where(f => f.Status != YaraFileStatus.Compiled), f => Assert.NotEqual("", f.Reason));
        Assert.Equal(compiled.Sum(f => f.RuleCount), result.Rules!.RuleCount);
        foreach (var empty in compiled.Where(f => f.RuleCount == 0))
            _output.WriteLine($"{Path.GetFileName(empty.File)}: compiled, no rules (all commented out?)");
    }

    [SkippableFact]
    public void The_compiled_set_has_as_many_rules_as_the_yara_cli_compiles_from_the_same_files()
    {
        var result = _signatureBase.Result;
        YaraCli.Require();
        var compiled = result.Files.Where(f => f.Status == YaraFileStatus.Compiled).Select(f => f.File).ToList();
        var externals = YaraExternals.Names.ToDictionary(n => n, _ => "");
        Assert.Equal(YaraCli.RuleCount(compiled, externals), result.Rules!.RuleCount);
    }

    [SkippableFact]
    public void The_webshell_and_exchange_rule_files_compile_or_say_which_thor_feature_they_need()
    {
        var result = _signatureBase.Result;
        var relevant = result.Files
            .Where(f => ExchangeFileName().IsMatch(Path.GetFileName(f.File)) || ExchangeContent().IsMatch(File.ReadAllText(f.File)))
            .ToList();
        foreach (var file in relevant)
            _output.WriteLine($"{Path.GetFileName(file.File)}: {file.Status} ({file.RuleCount} rules) {file.Reason}");

        Assert.Contains(relevant, f => Path.GetFileName(f.File) == "gen_webshells.yar");
        Assert.Contains(relevant, f => Path.GetFileName(f.File) == "apt_hafnium.yar");
        Assert.Contains(relevant, f => Path.GetFileName(f.File) == "expl_proxyshell.yar");
        Assert.True(relevant.Count >= 10, $"expected the Exchange-wave files, found {relevant.Count}");
        Assert.All(relevant, f => Assert.True(
            f.Status == YaraFileStatus.Compiled
            || f.Reason.Contains("THOR-only", StringComparison.Ordinal) || f.Reason.Contains("YARA module", StringComparison.Ordinal),
            $"{f.File}: {f.Reason}"));
    }

    public static TheoryData<string, string, string> InertSamples => new()
    {
        {
            // apt_hafnium.yar: "runat=\"server\">" and the JScript Page_Load/eval(Request prefix, under 10 KB.
            // Inert: the script stops right after the prefix, so it is not a page any server would compile.
            "APT_WEBSHELL_HAFNIUM_Chopper_WebShell", OwaAuth + "OutlookEN.aspx",
            "<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request -- OODA TEST FIXTURE, truncated on purpose\n</script>\n"
        },
        {
            // expl_proxyshell.yar: PST magic "!BDN" at 0, "Page Language=", under 2 MB — the mailbox-export trick.
            "WEBSHELL_ASPX_ProxyShell_Aug21_2", OwaAuth + "zfvlnq.aspx",
            "!BDN\u00c5\u00a7\u0012\u0034SM\u0017\u0000\u0013\u0000\u0001\u0001" + new string('\0', 48) + "<%@ Page Language=\"Jscript\"%> OODA TEST FIXTURE, no code"
        },
        {
            // expl_proxyshell.yar: PST magic and ".FromBase64String(Request[".
            "WEBSHELL_ASPX_ProxyShell_Sep21_1", @"C:\inetpub\wwwroot\aspnet_client\system_web\qxz.aspx",
            "!BDN\u0000\u0000\u0000\u0000SM" + new string('\0', 32) + "x.FromBase64String(Request[ OODA TEST FIXTURE"
        },
        {
            // apt_hafnium.yar (MSTIC): an OAB virtual directory dump with a script tag in ExternalUrl (CVE-2021-27065).
            "WEBSHELL_CVE_2021_27065_Webshells", @"C:\inetpub\wwwroot\aspnet_client\discover.aspx",
            "Name : OAB (Default Web Site)\r\nInternalUrl : https://mail.corp.example/OAB\r\n"
            + "ExternalUrl : http://f/<script language=\"JScript\" runat=\"server\"> OODA TEST FIXTURE </script>\r\n"
            + "InternalAuthenticationMethods : WindowsIntegrated\r\nExtendedProtectionTokenChecking : None\r\n"
        },
        {
            // expl_proxyshell.yar: an IIS log line of a successful ProxyShell request.
            "EXPL_Exchange_ProxyShell_Successful_Aug21_1", @"C:\inetpub\logs\LogFiles\W3SVC1\u_ex210806.log",
            "2021-08-06 09:12:01 10.0.0.5 POST /autodiscover/autodiscover.json @evil.example/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.example 443 - 203.0.113.7 python-requests/2.25.1 - 200 0 0 31\r\n"
        },
    };

    [SkippableTheory]
    [MemberData(nameof(InertSamples))]
    public void An_exchange_wave_rule_fires_on_an_inert_file_written_to_satisfy_it(string rule, string windowsPath, string content)
    {
        var rules = _signatureBase.Result.Rules!;
        var data = Encoding.Latin1.GetBytes(content);
        using var scanner = rules.CreateScanner();
        var matches = new List<YaraMatch>();
        Assert.Equal(YaraScanStatus.Completed, scanner.Scan(data, YaraExternals.ForFile(windowsPath, data), matches));
        _output.WriteLine(string.Join("\n", matches.Select(m => $"{m.Namespace}:{m.Rule} score={m.Meta.Score} {string.Join(" ", m.Strings.Select(s => $"{s.Identifier}@{s.Offset}"))}")));

        var hit = Assert.Single(matches, m => m.Rule == rule);
        Assert.NotEqual("", hit.Meta.Description);
        Assert.NotEqual("", hit.Meta.Author);
    }

    [SkippableFact]
    public void Stock_exchange_pages_do_not_fire_the_webshell_rules()
    {
        var rules = _signatureBase.Result.Rules!;
        const string Logon = """
            <%@ Page language="c#" AutoEventWireup="false" Inherits="Microsoft.Exchange.HttpProxy.Logon" %>
            <!DOCTYPE html>
            <html><head><title>Outlook</title><script type="text/javascript" src="/owa/auth/15.2.858/scripts/premium/flogon.js"></script></head>
            <body onload="init()"><form action="/owa/auth.owa" method="POST" name="logonForm">
            <input id="username" name="username" type="text" /><input id="password" name="password" type="password" />
            <div onclick="clkLgn()" class="signinbutton">sign in</div></form></body></html>
            """;
        var data = Encoding.UTF8.GetBytes(Logon);
        using var scanner = rules.CreateScanner();
        var matches = new List<YaraMatch>();
        scanner.Scan(data, YaraExternals.ForFile(OwaAuth + "logon.aspx", data), matches);
        Assert.Empty(matches.Where(m => WebshellNamespace().IsMatch(m.Namespace)).Select(m => $"{m.Namespace}:{m.Rule}"));
    }

    [GeneratedRegex("webshell|hafnium|proxyshell|proxylogon|proxynotshell|exchange|owassrf|chopper", RegexOptions.IgnoreCase)]
    private static partial Regex ExchangeFileName();

    [GeneratedRegex(@"HAFNIUM|ProxyShell|ProxyLogon|ProxyNotShell|OWASSRF|Exchange Server|China ?Chopper", RegexOptions.IgnoreCase)]
    private static partial Regex ExchangeContent();

    [GeneratedRegex("webshell|hafnium|proxyshell|chopper", RegexOptions.IgnoreCase)]
    private static partial Regex WebshellNamespace();
}
