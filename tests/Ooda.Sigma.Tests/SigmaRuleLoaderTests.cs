namespace Ooda.Sigma.Tests;

public class SigmaRuleLoaderTests
{
    [Fact]
    public void Empty_text_yields_no_rules() => Assert.Empty(SigmaRuleLoader.LoadText(string.Empty, "empty.yml"));

    [Theory]
    [InlineData("title: [unclosed", "yaml")]
    [InlineData("title: a\ntitle: b\ndetection: {sel: {A: 1}, condition: sel}", "yaml")]
    [InlineData("- a\n- b", "rule-structure")]
    [InlineData("title: no detection", "rule-structure")]
    [InlineData("detection: {sel: {A: 1}, condition: sel}", "rule-structure")]
    [InlineData("title: x\naction: explode\ndetection: {sel: {A: 1}, condition: sel}", "rule-structure")]
    public void Malformed_documents_are_reported_with_a_reason(string yaml, string reason)
    {
        var result = Assert.Single(SigmaRuleLoader.LoadText(yaml, "bad.yml"));
        Assert.Null(result.Rule);
        Assert.Equal(reason, result.Error!.Reason);
    }

    [Fact]
    public void Reads_rule_attributes()
    {
        var rule = SigmaRuleLoader.LoadText(Rules.ProcessCreation("sel:\n  A: 1\ncondition: sel"), "r.yml").Single().Rule!;
        Assert.Equal("Test rule", rule.Title);
        Assert.Equal("high", rule.Level);
        Assert.Equal(["attack.execution", "attack.t1059"], rule.Tags);
        Assert.Equal(new SigmaLogsource("windows", "process_creation", null), rule.Logsource);
        Assert.Equal(SigmaRuleKind.Detection, rule.Kind);
    }

    [Fact]
    public void Legacy_global_action_merges_into_each_following_document()
    {
        const string yaml = """
            action: global
            title: Collection
            logsource:
              product: windows
            detection:
              condition: selection
            ---
            logsource:
              category: process_creation
            detection:
              selection:
                Image: a.exe
            ---
            logsource:
              service: security
            detection:
              selection:
                EventID: 4624
            """;
        var results = SigmaRuleLoader.LoadText(yaml, "c.yml");
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("Collection", r.Rule!.Title));
        Assert.Equal(new SigmaLogsource("windows", "process_creation", null), results[0].Rule!.Logsource);
        Assert.Equal(new SigmaLogsource("windows", null, "security"), results[1].Rule!.Logsource);
        var set = SigmaRuleSet.Compile(results);
        Assert.All(set.Verdicts, v => Assert.Equal(SigmaVerdictStatus.Compiled, v.Status));
        Assert.Equal("c.yml#2", set.Verdicts[1].Location);
    }

    [Fact]
    public void Correlation_and_filter_documents_are_recognised()
    {
        const string yaml = """
            title: Base
            name: base_rule
            logsource: {product: windows, service: security}
            detection: {sel: {EventID: 4625}, condition: sel}
            ---
            title: Many failures
            correlation:
              type: event_count
              rules: [base_rule]
              group-by: [TargetUserName]
              timespan: 5m
              condition: {gte: 10}
            ---
            title: Allow admin host
            logsource: {product: windows}
            filter:
              rules: [base_rule]
              selection: {Computer: ADMIN01}
              condition: not selection
            """;
        var kinds = SigmaRuleLoader.LoadText(yaml, "m.yml").Select(r => r.Rule!.Kind).ToList();
        Assert.Equal([SigmaRuleKind.Detection, SigmaRuleKind.Correlation, SigmaRuleKind.Filter], kinds);
    }
}
