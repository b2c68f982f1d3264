using Ooda.Detection.Runbooks;

namespace Ooda.Detection.Tests.Runbooks;

public sealed class RunbookLoaderTests
{
    [Fact]
    public void Reads_a_valid_runbook_with_every_section()
    {
        var result = RunbookLoader.LoadText(RunbookText.Minimal(), "demo.yml");
        Assert.Empty(result.Errors);
        var runbook = Assert.IsType<Runbook>(result.Runbook);
        Assert.Equal("demo-threat@1.0.0", runbook.Reference);
        Assert.Equal(RunbookHuntKind.Sigma, runbook.Hunts[0].Kind);
        Assert.Contains("cs-uri-query|contains", runbook.Hunts[0].Body, StringComparison.Ordinal);
        Assert.Equal(RunbookHuntKind.Sql, runbook.Hunts[1].Kind);
        Assert.Equal("T1190", Assert.Single(runbook.Ttps).Technique);
        Assert.Equal("ip", Assert.Single(runbook.Iocs).Type);
    }

    [Theory]
    [InlineData("", "not valid YAML")]
    [InlineData("- a\n- b\n", "a runbook is a YAML mapping")]
    [InlineData("id: x\n", "'title' is required")]
    public void Rejects_what_is_not_a_runbook(string text, string expected)
    {
        var result = RunbookLoader.LoadText(text, "bad.yml");
        Assert.Null(result.Runbook);
        Assert.Contains(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal) || (text.Length == 0 && e.Message.Contains("exactly one", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("version: 1.0.0", "version: 1.0", "not a semantic version")]
    [InlineData("id: demo-threat", "id: Demo Threat", "lower-case letters")]
    [InlineData("technique: T1190", "technique: 1190", "not an ATT&CK technique id")]
    [InlineData("type: ip", "type: ipaddress", "IOC type 'ipaddress'")]
    [InlineData("severity: high", "severity: severe", "severity 'severe'")]
    [InlineData("sql: SELECT tenant, host FROM events", "sql: DELETE FROM events", "one SELECT")]
    [InlineData("  - id: posts", "  - id: web-exploit", "used 2 times")]
    public void Names_the_line_of_each_mistake(string from, string to, string expected)
    {
        var text = RunbookText.Minimal().Replace(from, to, StringComparison.Ordinal);
        var result = RunbookLoader.LoadText(text, "demo.yml");
        Assert.Null(result.Runbook);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.True(error.Line > 0, error.ToString());
        Assert.StartsWith("demo.yml:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unknown_key_so_a_typo_cannot_disable_a_hunt()
    {
        var result = RunbookLoader.LoadText(RunbookText.Minimal().Replace("    sql:", "    sqll:", StringComparison.Ordinal), "demo.yml");
        Assert.Contains(result.Errors, e => e.Message == "unknown key 'sqll'");
        Assert.Contains(result.Errors, e => e.Message.Contains("needs exactly one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Requires_a_changelog_entry_for_the_current_version()
    {
        var result = RunbookLoader.LoadText(RunbookText.Minimal().Replace("  - version: 1.0.0", "  - version: 0.9.0", StringComparison.Ordinal), "demo.yml");
        Assert.Contains(result.Errors, e => e.Message.Contains("no entry for version 1.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public void Survives_hostile_yaml_without_throwing()
    {
        string[] inputs = ["{", "id: [", "a: &a [*a]", new string('[', 5000), "id: x\ntitle: y\nversion: 1.0.0\nhunts: 5\n", "\0\u0001"];
        foreach (var input in inputs)
        {
            var result = RunbookLoader.LoadText(input, "hostile.yml");
            Assert.Null(result.Runbook);
            Assert.NotEmpty(result.Errors);
        }
    }
}
