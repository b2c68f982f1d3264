using System.Xml.Linq;
using Ooda.Investigation.ProcessTrees;

namespace Ooda.Investigation.Tests.ProcessTrees;

public sealed class ProcessTreeSvgTests
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";
    private const string W3wp = @"C:\Windows\System32\inetsrv\w3wp.exe";
    private const string Cmd = @"C:\Windows\System32\cmd.exe";

    private static string G(int n) => ProcessTreeBuilderTests.G(n);

    private static ProcessLog Chain()
    {
        var log = new ProcessLog();
        log.Sysmon1(0, 4684, G(3), W3wp, "w3wp.exe -ap DefaultAppPool", 1100, G(2), @"C:\Windows\System32\svchost.exe")
            .Sysmon1(30, 2196, G(4), Cmd, "cmd.exe /c whoami", 4684, G(3), W3wp)
            .Sysmon1(31, 2200, G(5), @"C:\Windows\System32\whoami.exe", "whoami", 2196, G(4), Cmd)
            .Sysmon1(32, 2204, G(6), @"C:\Windows\System32\net.exe", "net user", 2196, G(4), Cmd);
        return log;
    }

    [Fact]
    public void The_svg_is_well_formed_with_one_row_per_process_and_connectors()
    {
        using var log = Chain();
        var svg = ProcessTreeSvg.Render(log.Graph().Select(new ProcessSelection { RootImage = "w3wp.exe" }));
        var doc = XDocument.Parse(svg);

        Assert.Equal(_svg + "svg", doc.Root!.Name);
        Assert.Equal(4, doc.Descendants(_svg + "g").Elements(_svg + "circle").Count());
        Assert.Single(doc.Descendants(_svg + "path"));
        var rows = doc.Descendants(_svg + "g").Select(g => string.Concat(g.Element(_svg + "text")!.Elements(_svg + "tspan").Select(t => t.Value))).ToList();
        Assert.Equal(4, rows.Count);
        Assert.StartsWith("2021-08-07T03:00:00Z w3wp.exe (4684)", rows[0], StringComparison.Ordinal);
        Assert.Contains("cmd.exe (2196)", rows[1], StringComparison.Ordinal);
        Assert.Contains("cmd.exe /c whoami", rows[1], StringComparison.Ordinal);
        Assert.Contains(doc.Descendants(_svg + "text"), t => t.Value.StartsWith("↑ svchost.exe (1100)", StringComparison.Ordinal));
        Assert.All(doc.Descendants(_svg + "g"), g => Assert.NotNull(g.Element(_svg + "title")));
    }

    [Fact]
    public void Limits_show_as_more_rows()
    {
        using var log = Chain();
        var svg = ProcessTreeSvg.Render(log.Graph().Select(new ProcessSelection { RootImage = "w3wp.exe" }, new ProcessTreeLimits { MaxDepth = 1 }));
        var texts = XDocument.Parse(svg).Descendants(_svg + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.StartsWith("… 2 more below cmd.exe (2 children not shown)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("2 cut by limits", StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_strings_are_escaped_cleaned_and_never_become_markup()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 2196, G(4), @"C:\x\<svg onload=alert(1)>&"".exe", ProcessTreeJsonTests.Hostile, 4684, G(3), W3wp, user: "ACME\\\"><a href='x'>");
        var svg = ProcessTreeSvg.Render(log.Graph().Select(new ProcessSelection { Pid = 2196 }));

        var doc = XDocument.Parse(svg);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Single(doc.Descendants(), e => e.Name.LocalName == "svg");
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "a" or "foreignObject" or "image" or "use");
        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Name.LocalName == "href" || a.Value.Contains("http", StringComparison.Ordinal) && !a.IsNamespaceDeclaration);
        var row = string.Concat(doc.Descendants(_svg + "g").Single().Element(_svg + "text")!.Elements(_svg + "tspan").Select(t => t.Value));
        Assert.Contains("<svg onload=alert(1)>&\".exe (2196)", row, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x&y')</script>", row, StringComparison.Ordinal);
        Assert.Contains("\\u0001\\u001b[31m", row, StringComparison.Ordinal);
        Assert.Contains("\\u202egnp.exe\\r\\nnext ]]> &amp;", row, StringComparison.Ordinal);
        Assert.DoesNotContain(svg, c => c < 0x20 && c != '\n');
        Assert.DoesNotContain('\u202e', svg);
        Assert.Contains("ACME\\\"><a href='x'>", row, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_tree_renders_a_valid_svg_that_says_so()
    {
        using var log = new ProcessLog();
        var doc = XDocument.Parse(ProcessTreeSvg.Render(log.Graph().Select(ProcessSelection.All)));
        Assert.Contains(doc.Descendants(_svg + "text"), t => t.Value == "no process matches");
    }
}
