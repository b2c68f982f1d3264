using Ooda.Store;

namespace Ooda.Sigma.Tests.Sql;

public class SigmaSqlCompilerTests
{
    private static readonly SqlHuntCatalog _catalog = new(10, ["CommandLine", "commandline", "Image", "UtcTime"], [Rules.SysmonChannel], ["Microsoft-Windows-Sysmon"], ["t"]);

    [Theory]
    [InlineData("sel:\n  CommandLine|contains: 'whoami'\ncondition: sel", "Translated", "")]
    [InlineData("sel:\n  UtcTime|hour: 3\ncondition: sel", "NotTranslated", "time modifiers")]
    [InlineData("sel:\n  CommandLine|re: 'a(?=b)'\ncondition: sel", "NotTranslated", "lookahead")]
    [InlineData("sel1:\n  CommandLine|re: 'a(?=b)'\nsel2:\n  Image|endswith: '\\x.exe'\ncondition: sel1 or sel2", "Partial", "lookahead")]
    [InlineData("sel:\n  CommandLine|re: '(?i)\\\\w+\\\\s'\ncondition: sel", "Translated", "")]
    public void Every_rule_gets_a_verdict_naming_what_sql_cannot_decide(string detection, string status, string reason)
    {
        var rules = Rules.Compile(Rules.ProcessCreation(detection));
        var verdict = Assert.Single(SigmaSqlCompiler.Compile(rules, _catalog).Verdicts);
        Assert.Equal(status, verdict.Status.ToString());
        if (reason.Length > 0)
            Assert.Contains(verdict.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
        else
            Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void A_correlation_runs_in_memory_over_the_sql_detections()
    {
        var yaml = Rules.ProcessCreation("sel:\n  CommandLine|contains: 'x'\ncondition: sel").Replace("title: Test rule", "title: Test rule\nname: base", StringComparison.Ordinal)
            + "---\ntitle: Burst\ncorrelation:\n  type: event_count\n  rules: [base]\n  timespan: 1m\n  condition: {gte: 3}\n";
        var plan = SigmaSqlCompiler.Compile(Rules.Compile(yaml), _catalog);
        Assert.Equal([SigmaSqlStatus.Translated, SigmaSqlStatus.Correlation], plan.Verdicts.Select(v => v.Status));
    }

    [Fact]
    public void A_field_is_read_under_every_spelling_the_store_holds_and_no_other()
    {
        var plan = SigmaSqlCompiler.Compile(Rules.Compile(Rules.ProcessCreation("sel:\n  COMMANDLINE|contains: 'x'\n  ParentImage: 'y'\ncondition: sel")), _catalog);
        var sql = Assert.Single(plan.Queries).Sql;
        Assert.Contains("'/CommandLine'", sql, StringComparison.Ordinal);
        Assert.Contains("'/commandline'", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ParentImage", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_text_reaches_sql_only_as_escaped_literals()
    {
        var plan = SigmaSqlCompiler.Compile(Rules.Compile(Rules.ProcessCreation("sel:\n  CommandLine: \"x'; DROP TABLE event_rows; --\\0\"\ncondition: sel")), _catalog);
        var sql = Assert.Single(plan.Queries).Sql;
        Assert.Contains("'x''; drop table event_rows; --' || chr(0)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_the_store_holds_no_event_of_are_not_queried()
    {
        var rules = Rules.Compile(Rules.ProcessCreation("sel:\n  CommandLine: x\ncondition: sel"));
        var plan = SigmaSqlCompiler.Compile(rules, _catalog with { Channels = [], Providers = [] });
        Assert.Empty(plan.Queries);
        Assert.Equal(SigmaSqlStatus.Translated, Assert.Single(plan.Verdicts).Status);
    }
}
