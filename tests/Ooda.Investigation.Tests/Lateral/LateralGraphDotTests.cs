using Ooda.Investigation.Lateral;

namespace Ooda.Investigation.Tests.Lateral;

public sealed class LateralGraphDotTests
{
    [Fact]
    public void Writes_a_digraph_with_a_node_per_host_and_an_edge_per_movement()
    {
        var dot = LateralGraphDot.Render(LateralGraphSamples.Ordinary(), includeRoutine: true);

        Assert.StartsWith("digraph lateral_movement {\n", dot, StringComparison.Ordinal);
        Assert.EndsWith("}\n", dot, StringComparison.Ordinal);
        Assert.Contains("\"acme-ex01\" -> \"acme-dc01\" [label=\"ACME\\\\adm-ibaker\\nT1021.002 T1569.002\\n2021-08-07T04:12:16Z ×3\"", dot, StringComparison.Ordinal);
        Assert.Contains("\"10.0.5.50\" -> \"acme-dc01\"", dot, StringComparison.Ordinal);
        Assert.Contains("style=\"rounded,dashed\"", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Routine_edges_are_left_out_unless_asked_for()
    {
        var dot = LateralGraphDot.Render(LateralGraphSamples.Ordinary());

        Assert.DoesNotContain("10.0.5.50", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_ids_and_labels_cannot_close_their_string_or_add_statements()
    {
        var dot = LateralGraphDot.Render(LateralGraphSamples.Hostile(), includeRoutine: true);

        var lines = dot.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 3 + 3 + 2 + 1, lines.Length);
        foreach (var line in lines)
            Assert.True(UnescapedQuotes(line) % 2 == 0, line);
        Assert.Contains("\"evil\\\"];\\\\n<script>alert(1)</script>&\\\\N\\\\u0007\\\\u202e\"", dot, StringComparison.Ordinal);
        Assert.DoesNotContain(dot, c => c < 0x20 && c != '\n');
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\nb", "\"a\\\\nb\"")]
    [InlineData("a\nb", "\"a\\\\nb\"")]
    [InlineData("\\", "\"\\\\\"")]
    public void Quotes_ids(string text, string expected)
    {
        Assert.Equal(expected, LateralGraphDot.Quote(text));
    }

    /// <summary>Quotes not preceded by an odd run of backslashes: each opens or closes a DOT string.</summary>
    private static int UnescapedQuotes(string line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '"')
                continue;
            var slashes = 0;
            for (var j = i - 1; j >= 0 && line[j] == '\\'; j--)
                slashes++;
            if (slashes % 2 == 0)
                count++;
        }

        return count;
    }
}
