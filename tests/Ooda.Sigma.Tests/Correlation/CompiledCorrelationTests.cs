using static Ooda.Sigma.Tests.Correlation.Correlations;

namespace Ooda.Sigma.Tests.Correlation;

/// <summary>What a correlation document compiles to, and the verdict (never an exception) for everything it may get wrong.</summary>
public class CompiledCorrelationTests
{
    [Fact]
    public void The_spec_example_compiles_with_its_attributes()
    {
        var set = CompileAll(FailedLogon, CorrelationRule("event_count", ["5638f7c0-ac70-491d-8465-2a65075e0d86"], ["ComputerName"], "1h", "gte: 100"));
        var correlation = Assert.Single(set.Correlations);
        Assert.Equal(SigmaCorrelationType.EventCount, correlation.Type);
        Assert.Equal(TimeSpan.FromHours(1), correlation.Timespan);
        Assert.Equal(["ComputerName"], correlation.GroupBy);
        Assert.Equal("gte 100", correlation.ConditionText);
        Assert.False(correlation.Generate);
        Assert.Same(set.Rules.Single().Rule, Assert.Single(correlation.Rules));
        Assert.Equal(SigmaRuleKind.Correlation, correlation.Rule.Kind);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("90m", 5400)]
    [InlineData("2h", 7200)]
    [InlineData("2d", 172800)]
    [InlineData("1w", 604800)]
    [InlineData("10000000d", 864000000000)]
    public void Timespans_read_a_number_and_a_unit(string timespan, long seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), CompileAll(FailedLogon, CorrelationRule("event_count", ["failed_logon"], ["IpAddress"], timespan, "gte: 2")).Correlations.Single().Timespan);

    [Theory]
    [InlineData("5", "not a number followed by")]
    [InlineData("5x", "not a number followed by")]
    [InlineData("1.5h", "not a number followed by")]
    [InlineData("-5m", "not a number followed by")]
    [InlineData("0s", "is zero")]
    [InlineData("99999999999999999999d", "longer than any time range")]
    public void Bad_timespans_are_rejected(string timespan, string message) =>
        AssertVerdict(CorrelationRule("event_count", ["failed_logon"], ["IpAddress"], timespan, "gte: 2"), SigmaVerdictStatus.Rejected, "correlation", message);

    [Theory]
    [InlineData("event_count", null, "has no condition")]
    [InlineData("event_count", "field: User", "needs one of gt")]
    [InlineData("event_count", "gte: 2, field: User", "applies to value_* correlations")]
    [InlineData("event_count", "gte: many", "must be a number")]
    [InlineData("event_count", "gte: 2, above: 3", "unknown condition key 'above'")]
    [InlineData("value_count", "gte: 2", "needs condition.field")]
    [InlineData("value_sum", "gte: 2, field: [a, b]", "takes one numeric field")]
    [InlineData("value_percentile", "gte: 2, field: Bytes", "needs condition.percentile")]
    [InlineData("value_percentile", "gte: 2, field: Bytes, percentile: 0", "above 0 and at most 100")]
    [InlineData("value_avg", "gte: 2, field: Bytes, percentile: 90", "applies to value_percentile")]
    [InlineData("count_everything", "gte: 2", "unknown correlation type")]
    public void Malformed_conditions_and_types_are_rejected(string type, string? condition, string message) =>
        AssertVerdict(CorrelationRule(type, ["failed_logon"], ["IpAddress"], "5m", condition), SigmaVerdictStatus.Rejected, "correlation", message);

    [Theory]
    [InlineData("title: x\ncorrelation: [a, b]", "must be a map")]
    [InlineData("title: x\ncorrelation:\n  rules: [failed_logon]\n  timespan: 5m\n  condition: {gte: 1}", "has no type")]
    [InlineData("title: x\ncorrelation:\n  type: event_count\n  timespan: 5m\n  condition: {gte: 1}", "has no rules")]
    [InlineData("title: x\ncorrelation:\n  type: event_count\n  rules: []\n  timespan: 5m\n  condition: {gte: 1}", "is empty")]
    [InlineData("title: x\ncorrelation:\n  type: event_count\n  rules: [failed_logon, failed_logon]\n  timespan: 5m\n  condition: {gte: 1}", "listed twice")]
    [InlineData("title: x\ncorrelation:\n  type: event_count\n  rules: [failed_logon]\n  condition: {gte: 1}", "has no timespan")]
    [InlineData("title: x\ncorrelation:\n  type: event_count\n  rules: [failed_logon]\n  timespan: 5m\n  condition: {gte: 1}\n  generate: maybe", "true or false")]
    [InlineData("title: x\ncorrelation:\n  type: event_count\n  rules: [failed_logon]\n  group-by: [a, A]\n  timespan: 5m\n  condition: {gte: 1}", "lists a field twice")]
    [InlineData("title: x\ncorrelation:\n  type: event_count\n  rules: [failed_logon]\n  timespan: 5m\n  condition: {gte: 1}\n  window: sliding", "unknown correlation attribute 'window'")]
    [InlineData("title: x\ncorrelation:\n  type: temporal\n  rules: [failed_logon]\n  timespan: 5m\n  aliases: {ip: {nobody: IpAddress}}", "does not reference")]
    public void Malformed_correlation_sections_are_rejected(string document, string message) =>
        AssertVerdict(document, SigmaVerdictStatus.Rejected, "correlation", message);

    [Theory]
    [InlineData("value_max", "gte: 2, field: Bytes", "not in Sigma v2.1")]
    [InlineData("temporal_ordered", "lt: 1", "runs only with its default condition")]
    public void Features_outside_what_runs_here_are_skipped_with_the_reason(string type, string condition, string message) =>
        AssertVerdict(CorrelationRule(type, ["failed_logon"], ["IpAddress"], "5m", condition), SigmaVerdictStatus.Skipped, "correlation-unsupported", message);

    [Fact]
    public void A_reference_to_a_rule_that_is_not_loaded_is_skipped()
    {
        AssertVerdict(CorrelationRule("event_count", ["failed_logon", "no_such_rule"], ["IpAddress"], "5m", "gte: 2"), SigmaVerdictStatus.Skipped, "correlation-reference", "'no_such_rule' is not among the loaded rules");
    }

    [Fact]
    public void A_reference_to_a_skipped_rule_says_why_the_rule_was_skipped()
    {
        const string unmapped = "title: Unmapped\nname: unmapped\nlogsource: {product: plan9}\ndetection:\n  selection:\n    a: 1\n  condition: selection";
        var set = Compile(unmapped, CorrelationRule("event_count", ["unmapped"], ["a"], "5m", "gte: 2"));
        Assert.Equal(SigmaVerdictStatus.Skipped, set.Verdicts[1].Status);
        Assert.Contains("logsource-unmapped", set.Verdicts[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_by_field_no_event_source_of_the_rule_carries_is_skipped()
    {
        // Security 4688 lacks OriginalFileName; a Sysmon-only rule whose group-by is unknown on its only source cannot be grouped.
        const string onlyOn4688 = "title: New process\nname: new_process\nlogsource: {product: windows, service: security}\ndetection:\n  selection:\n    EventID: 4688\n  condition: selection";
        var compiled = CompileAll(onlyOn4688, CorrelationRule("event_count", ["new_process"], ["OriginalFileName"], "5m", "gte: 2"));
        Assert.Single(compiled.Correlations); // the security service carries any field

        var partial = CompileAll(Recon("whoami"), CorrelationRule("event_count", ["recon_whoami"], ["OriginalFileName"], "5m", "gte: 2"));
        Assert.Contains(partial.Verdicts[^1].Notes, n => n.Contains("security-4688: no OriginalFileName", StringComparison.Ordinal));
    }

    [Fact]
    public void A_filter_cannot_be_correlated()
    {
        const string filter = "title: Allow\nname: allow\nlogsource: {product: windows, service: security}\nfilter:\n  rules: [failed_logon]\n  selection:\n    IpAddress: 10.0.0.1\n  condition: selection";
        var set = Compile(FailedLogon, filter, CorrelationRule("event_count", ["allow"], ["IpAddress"], "5m", "gte: 2"));
        Assert.Equal(SigmaVerdictStatus.Rejected, set.Verdicts[^1].Status);
        Assert.Contains("is a filter", set.Verdicts[^1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_document_of_a_file_gets_a_verdict_in_load_order()
    {
        var set = Compile(FailedLogon, CorrelationRule("event_count", ["failed_logon"], ["IpAddress"], "5m", "gte: 2"), "title: broken\ncorrelation: 3", SuccessfulLogon);
        Assert.Equal(["Failed logon", "Correlation", "broken", "Successful logon"], set.Verdicts.Select(v => v.Title));
        Assert.Equal([SigmaVerdictStatus.Compiled, SigmaVerdictStatus.Compiled, SigmaVerdictStatus.Rejected, SigmaVerdictStatus.Compiled], set.Verdicts.Select(v => v.Status));
    }

    private static void AssertVerdict(string correlation, SigmaVerdictStatus status, string reason, string message)
    {
        var verdict = Compile(FailedLogon, correlation).Verdicts[1];
        Assert.True(verdict.Status == status && verdict.Error?.Reason == reason && verdict.Error.Message.Contains(message, StringComparison.Ordinal),
            $"expected {status} {reason} '{message}', got {verdict.Status} {verdict.Error}");
    }
}
