using System.Text;
using Ooda.Core;
using Ooda.Detection.Tests.Webshells.Support;
using Ooda.Detection.Webshells;

namespace Ooda.Detection.Tests.Webshells;

public sealed class WebshellCheckerTests
{
    private static readonly DateTime _intrusion = new(2021, 8, 23, 3, 14, 0, DateTimeKind.Utc);

    /// <summary>What ProxyShell leaves: a PST header, zeros, and page text further in. Inert: the script is cut off.</summary>
    private static byte[] PstPage()
    {
        var bytes = new byte[4096];
        var random = new Random(42);
        random.NextBytes(bytes.AsSpan(512));
        "!BDN"u8.CopyTo(bytes);
        "SM"u8.CopyTo(bytes.AsSpan(8));
        bytes.AsSpan(16, 496).Clear();
        "<script language=\"JScript\" runat=\"server\">function Page_Load(){ /* OODA TEST FIXTURE, cut off"u8.CopyTo(bytes.AsSpan(2000));
        return bytes;
    }

    /// <summary>A China Chopper style stub, left unterminated so no server would run it.</summary>
    private const string EvalStub = "<%@ Page Language=\"Jscript\"%><% /* OODA TEST FIXTURE */ eval(Request.Item[\"ooda-test\"],\"unsafe\")";

    [Fact]
    public void In_a_fleet_of_five_flags_exactly_the_pst_page_and_the_eval_stub()
    {
        var fleet = Fleet.Stock(5);
        var pst = fleet.Add("ex02", Fleet.HttpProxy + @"owa\auth\zfvlnq.aspx", PstPage(), _intrusion);
        var stub = fleet.Add("ex04", @"C:\inetpub\wwwroot\aspnet_client\system_web\discover.aspx", EvalStub, _intrusion.AddDays(3));
        fleet.Add("ex03", @"D:\Shares\Finance\archive.pst", PstPage(), _intrusion);
        fleet.Add("ex03", @"D:\Shares\Finance\notes.aspx", EvalStub, _intrusion);

        var findings = new WebshellChecker().Check(fleet.Files, fleet.Open);

        Assert.Equal([pst, stub], findings.Select(f => f.File).Distinct());
        Assert.Equal(
            [
                (WebshellCheck.PstInWebFile, "critical"), (WebshellCheck.RareInFleet, "medium"), (WebshellCheck.NewerThanExchange, "high"),
            ],
            findings.Where(f => f.File == pst).Select(f => (f.Check, f.Severity)));
        Assert.Equal(
            [
                "script-stub critical eval-request", "script-stub medium request-item-indexer", "script-stub critical jscript-unsafe-eval",
                "rare-in-fleet medium", "newer-than-exchange high",
            ],
            findings.Where(f => f.File == stub).Select(Short));
        var at = EvalStub.IndexOf("eval(", StringComparison.Ordinal);
        Assert.StartsWith($"eval-request at byte offset {at}: ", findings.First(f => f.File == stub).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stock_files_alone_are_never_flagged_even_when_one_server_runs_another_build()
    {
        var fleet = Fleet.Stock(5);
        fleet.Add("ex05", Fleet.HttpProxy + @"owa\auth\15.2.922\scripts\premium\flogon.js", "function clkLgn() { /* newer build */ }", _intrusion);
        fleet.Add("ex05", Fleet.HttpProxy + @"owa\auth\logon.aspx", Fleet.StockLogon.Replace("15.2.858", "15.2.922", StringComparison.Ordinal), _intrusion);
        Assert.Empty(new WebshellChecker().Check(fleet.Files, fleet.Open));
    }

    [Theory]
    [InlineData("<p>Please evaluate the request before approval.</p>")]
    [InlineData("<script>function evaluate(request) { return request.items[0]; }</script>")]
    [InlineData("<%@ Page Language=\"C#\" %><% Response.Write(Server.HtmlEncode(Request.QueryString[\"q\"])); %>")]
    [InlineData("<% var p = Process.GetCurrentProcess(); Response.Write(p.Id); %>")]
    [InlineData("<script>var x = eval('1 + 1'); // Request for comments</script>")]
    [InlineData("<% Process.Start(\"notepad.exe\"); %>\n<% var r = Request.Form[\"x\"]; %>")]
    public void Benign_pages_with_eval_like_words_are_not_flagged(string content)
    {
        var fleet = new Fleet();
        fleet.Add("ex01", @"C:\inetpub\wwwroot\app\page.aspx", content, Fleet.Installed);
        Assert.Empty(new WebshellChecker().Check(fleet.Files, fleet.Open));
    }

    [Theory]
    [InlineData("eval-request", "<%@ Page Language=\"Jscript\"%><%eval (Request[\"x\"]")]
    [InlineData("request-item-indexer", "var v = Request . Item [\"x\"]")]
    [InlineData("jscript-unsafe-eval", "eval(System.Text.Encoding.UTF8.GetString(b), 'unsafe')")]
    [InlineData("assembly-load-base64", "System.Reflection.Assembly.Load(Convert.FromBase64String(k))")]
    [InlineData("base64-from-request", "byte[] b = Convert.FromBase64String(HttpContext.Current.Request.Form[\"d\"])")]
    [InlineData("process-start-request", "Process.Start(\"cmd.exe\", \"/c \" + Request[\"c\"])")]
    [InlineData("shell-with-request", "shell.Run(\"powershell.exe -enc \" + Request.Form[\"a\"])")]
    [InlineData("write-file-from-request", "new System.IO.StreamWriter(Request.Form[\"p\"], false)")]
    [InlineData("compile-from-request", "provider.CompileAssemblyFromSource(parameters, Request[\"src\"])")]
    [InlineData("asp-chopper-one-liner", "<%EXECUTE request(\"x\")%>")]
    [InlineData("php-exec-input", "<?php @eval(base64_decode($_POST['z'])); ?>")]
    [InlineData("jsp-exec-request", "Runtime.getRuntime().exec(request.getParameter(\"cmd\"))")]
    public void Each_stub_pattern_fires_on_its_stub_in_any_case(string pattern, string stub)
    {
        foreach (var content in new[] { stub, stub.ToUpperInvariant() })
        {
            var fleet = new Fleet();
            fleet.Add("ex01", @"C:\inetpub\wwwroot\x.aspx", "<!-- padding -->" + content, Fleet.Installed);
            var findings = new WebshellChecker().Check(fleet.Files, fleet.Open);
            Assert.Contains(findings, f => f.Check == WebshellCheck.ScriptStub && f.Reason.StartsWith(pattern + " at byte offset ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_pst_outside_the_web_roots_or_not_served_is_not_flagged()
    {
        var fleet = new Fleet();
        fleet.Add("fs01", @"D:\Shares\Mailbox Exports\jdoe.pst", PstPage(), _intrusion);
        fleet.Add("ex01", @"C:\inetpub\wwwroot\backup.pst", PstPage(), _intrusion);
        fleet.Add("ex01", @"C:\Windows\Temp\export.aspx", PstPage(), _intrusion);
        Assert.Empty(new WebshellChecker().Check(fleet.Files, fleet.Open));
    }

    [Fact]
    public void The_pst_magic_is_read_from_the_content_when_the_first_bytes_were_not_captured()
    {
        var fleet = new Fleet();
        var page = PstPage();
        var file = fleet.Add("ex01", Fleet.HttpProxy + @"ecp\auth\x.aspx", page.Length, () => new MemoryStream(page), [], _intrusion);
        var finding = Assert.Single(new WebshellChecker().Check(fleet.Files, fleet.Open));
        Assert.Equal((file, WebshellCheck.PstInWebFile, "critical"), (finding.File, finding.Check, finding.Severity));
    }

    [Fact]
    public void A_huge_file_is_read_only_up_to_the_limit()
    {
        var fleet = new Fleet();
        var options = WebshellOptions.Default with { MaxContentBytes = 1 << 20 };
        EndlessStream? stream = null;
        fleet.Add("ex01", @"C:\inetpub\wwwroot\big.aspx", 4L << 30, () => stream = new EndlessStream(4L << 30,
            (1000, "eval(Request[\"a\"]"u8.ToArray()), ((1 << 20) + 10, "Process.Start(x, Request[1])"u8.ToArray())), "AAAA"u8.ToArray(), Fleet.Installed);

        var findings = new WebshellChecker(options).Check(fleet.Files, fleet.Open);

        Assert.Equal(["eval-request at byte offset 1000"], findings.Select(f => f.Reason[..f.Reason.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal((1 << 20) + 1, stream!.BytesRead);
    }

    [Fact]
    public void Binary_garbage_and_empty_files_and_missing_contents_are_handled()
    {
        var fleet = new Fleet();
        var garbage = new byte[1 << 20];
        new Random(7).NextBytes(garbage);
        fleet.Add("ex01", @"C:\inetpub\wwwroot\garbage.aspx", garbage, Fleet.Installed);
        fleet.Add("ex01", @"C:\inetpub\wwwroot\empty.aspx", [], Fleet.Installed);
        fleet.Add("ex01", @"C:\inetpub\wwwroot\gone.aspx", 10, () => null, [], Fleet.Installed);
        fleet.Add("ex01", @"C:\inetpub\wwwroot", "not a file under the root", Fleet.Installed);
        fleet.Add("ex01", "", "no path at all", Fleet.Installed);
        Assert.Empty(new WebshellChecker().Check(fleet.Files, fleet.Open));
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_diagnostic_and_the_other_checks_still_run()
    {
        var fleet = Fleet.Stock(3);
        var broken = fleet.Add("ex01", Fleet.HttpProxy + @"owa\auth\broken.aspx", 100, () => throw new IOException("device not ready"), "!BDN"u8.ToArray(), _intrusion);
        var diagnostics = new List<Diagnostic>();

        var findings = new WebshellChecker().Check(fleet.Files, fleet.Open, diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(broken.SourcePath, diagnostic.File);
        Assert.Contains("device not ready", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal([WebshellCheck.PstInWebFile, WebshellCheck.RareInFleet, WebshellCheck.NewerThanExchange], findings.Select(f => f.Check));
    }

    [Fact]
    public void Finds_a_stub_stored_as_utf16_at_its_byte_offset()
    {
        var fleet = new Fleet();
        fleet.Add("ex01", @"C:\inetpub\wwwroot\wide.aspx", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("<% eval(Request[\"x\"]")], Fleet.Installed);
        var finding = Assert.Single(new WebshellChecker().Check(fleet.Files, fleet.Open));
        Assert.StartsWith("eval-request at byte offset 8:", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_only_one_of_five_servers_has_is_rare_and_low_alone()
    {
        var fleet = Fleet.Stock(5);
        var odd = fleet.Add("ex03", @"C:\inetpub\wwwroot\corp\export.aspx", "<p>report export</p>", Fleet.Installed);
        var finding = Assert.Single(new WebshellChecker().Check(fleet.Files, fleet.Open));
        Assert.Equal((odd, WebshellCheck.RareInFleet, "low"), (finding.File, finding.Check, finding.Severity));
        Assert.Contains(@"inetpub\wwwroot\corp exists on 5 servers", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_copy_of_a_shared_page_on_one_server_is_rare()
    {
        var fleet = Fleet.Stock(4);
        var changed = fleet.Files.Single(f => f.Host == "ex02" && f.OriginalPath.EndsWith("status.aspx", StringComparison.Ordinal));
        fleet.Files.Remove(changed);
        var copy = fleet.Add("ex02", changed.OriginalPath, "<%@ Page Language=\"C#\" %><p>changed</p>", changed.Modified);
        var finding = Assert.Single(new WebshellChecker().Check(fleet.Files, fleet.Open));
        Assert.Equal((copy, WebshellCheck.RareInFleet), (finding.File, finding.Check));
        Assert.Contains("is on this server only", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rarity_needs_three_servers()
    {
        var fleet = Fleet.Stock(2);
        fleet.Add("ex01", @"C:\inetpub\wwwroot\corp\export.aspx", "<p>report export</p>", Fleet.Installed);
        Assert.Empty(new WebshellChecker().Check(fleet.Files, fleet.Open));
    }

    [Fact]
    public void A_page_written_well_after_the_exchange_install_is_medium_alone()
    {
        var fleet = Fleet.Stock(2);
        var late = fleet.Add("ex01", Fleet.HttpProxy + @"owa\auth\help.aspx", "<p>help</p>", Fleet.Installed.AddDays(60));
        fleet.Add("ex02", Fleet.HttpProxy + @"owa\auth\help.aspx", "<p>help</p>", Fleet.Installed.AddDays(3));
        var finding = Assert.Single(new WebshellChecker().Check(fleet.Files, fleet.Open));
        Assert.Equal((late, WebshellCheck.NewerThanExchange, "medium"), (finding.File, finding.Check, finding.Severity));
        Assert.Contains("days after Exchange was installed on ex01 (estimated 2021-04-0", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stock_page_is_flagged_by_age_only_when_its_content_hits()
    {
        var fleet = Fleet.Stock(3);
        fleet.Add("ex01", Fleet.HttpProxy + @"owa\auth\errorFE.aspx", Fleet.StockError, _intrusion);
        var backdoored = fleet.Add("ex02", Fleet.HttpProxy + @"owa\auth\errorFE.aspx", Fleet.StockError + EvalStub, _intrusion);
        var findings = new WebshellChecker().Check(fleet.Files, fleet.Open);
        Assert.All(findings, f => Assert.Same(backdoored, f.File));
        Assert.Contains(findings, f => f.Check == WebshellCheck.NewerThanExchange && f.Severity == "high");
    }

    [Theory]
    [InlineData(@"C:\inetpub\wwwroot\aspnet_client\shell.aspx", true)]
    [InlineData(@"D:\Exchange\V15\FrontEnd\HttpProxy\owa\auth\x.ASHX", true)]
    [InlineData("C:/Program Files/Microsoft/Exchange Server/V15/ClientAccess/ecp/x.asmx", true)]
    [InlineData(@"C:\inetpub\wwwroot\logo.png", false)]
    [InlineData(@"C:\inetpub\logs\LogFiles\W3SVC1\u_ex210823.log", false)]
    [InlineData(@"C:\Users\admin\Desktop\shell.aspx", false)]
    [InlineData(@"C:\inetpub\wwwroot", false)]
    public void Knows_which_files_a_web_server_serves(string path, bool served) =>
        Assert.Equal(served, new WebshellChecker().IsWebServed(path));

    [Fact]
    public void Findings_are_sorted_by_tenant_host_and_path()
    {
        var fleet = new Fleet();
        fleet.Add("ex02", @"C:\inetpub\wwwroot\b.aspx", EvalStub, Fleet.Installed, tenant: "b");
        fleet.Add("ex01", @"C:\inetpub\wwwroot\b.aspx", EvalStub, Fleet.Installed, tenant: "b");
        fleet.Add("ex09", @"C:\inetpub\wwwroot\a.aspx", EvalStub, Fleet.Installed, tenant: "a");
        fleet.Add("ex01", @"C:\inetpub\wwwroot\a.aspx", EvalStub, Fleet.Installed, tenant: "b");
        var order = new WebshellChecker().Check(fleet.Files, fleet.Open).Select(f => $"{f.File.Tenant}/{f.File.Host}/{Path.GetFileName(f.File.OriginalPath.Replace('\\', '/'))}").Distinct();
        Assert.Equal(["a/ex09/a.aspx", "b/ex01/a.aspx", "b/ex01/b.aspx", "b/ex02/b.aspx"], order);
    }

    private static string Short(WebshellFinding f) => f.Check == WebshellCheck.ScriptStub
        ? $"{f.Check} {f.Severity} {f.Reason[..f.Reason.IndexOf(" at ", StringComparison.Ordinal)]}"
        : $"{f.Check} {f.Severity}";
}
