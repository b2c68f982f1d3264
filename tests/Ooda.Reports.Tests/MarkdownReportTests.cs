namespace Ooda.Reports.Tests;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Hostile_evidence_cannot_become_html_a_link_an_image_or_emphasis()
    {
        var md = MarkdownReport.Render(HostileReport.Build());

        Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("](", md, StringComparison.Ordinal);
        Assert.DoesNotContain("![", md, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", md, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;", md, StringComparison.Ordinal);
        Assert.Contains("\\[click\\]\\(javascript:alert\\(3\\)\\) \\!\\[img\\]\\(http\\://127.0.0.1:9/i.png\\) \\*\\*bold\\*\\* \\`code\\` \\| pipe", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_row_has_as_many_cells_as_its_header()
    {
        var md = MarkdownReport.Render(HostileReport.Build());

        var lines = md.Split('\n');
        var tables = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|') || i + 1 >= lines.Length || !lines[i + 1].StartsWith("| ---", StringComparison.Ordinal))
                continue;
            tables++;
            var columns = Cells(lines[i]);
            for (var j = i + 2; j < lines.Length && lines[j].StartsWith('|'); j++)
                Assert.True(Cells(lines[j]) == columns, $"line {j + 1} has {Cells(lines[j])} cells, its header {columns}: {lines[j]}");
        }

        Assert.True(tables >= 6, $"only {tables} tables");
    }

    [Fact]
    public void Control_and_bidi_characters_are_shown_not_obeyed()
    {
        var md = MarkdownReport.Render(HostileReport.Build());

        Assert.DoesNotContain('\u001b', md);
        Assert.DoesNotContain('\u202E', md);
        Assert.Contains("␛[31mRED", md.Replace("\\", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("invoice&lt;U\\+202E&gt;gpj.exe", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_is_marked_with_its_tlp_at_the_top_and_the_bottom()
    {
        var md = MarkdownReport.Render(HostileReport.Build());

        Assert.StartsWith("**TLP:AMBER+STRICT**", md, StringComparison.Ordinal);
        Assert.EndsWith("**TLP:AMBER+STRICT**\n", md, StringComparison.Ordinal);
    }

    /// <summary>Cells of a GFM table row: pipes not escaped by a backslash, less the outer two.</summary>
    private static int Cells(string line)
    {
        var pipes = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
                i++;
            else if (line[i] == '|')
                pipes++;
        }

        return pipes - 1;
    }
}
