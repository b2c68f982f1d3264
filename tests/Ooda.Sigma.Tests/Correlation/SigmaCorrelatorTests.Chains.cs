using static Ooda.Sigma.Tests.Correlation.Correlations;

namespace Ooda.Sigma.Tests.Correlation;

/// <summary>Aliases (the spec's internal_ip example, transposed to Windows events) and correlations over correlations.</summary>
public partial class SigmaCorrelatorTests
{
    private const string Outbound = "title: Outbound connection\nname: outbound_connection\nlogsource: {product: windows, category: network_connection}\ndetection:\n  selection:\n    Initiated: 'true'\n  condition: selection";

    private const string AliasedTemporal = """
        title: Failed logon from an address this host then connects to
        correlation:
          type: temporal
          rules: [failed_logon, outbound_connection]
          group-by: [remote_ip]
          timespan: 10m
          aliases:
            remote_ip:
              failed_logon: IpAddress
              outbound_connection: DestinationIp
        """;

    [Fact]
    public void Aliases_group_different_fields_of_different_rules()
    {
        var set = CompileAll(FailedLogon, Outbound, AliasedTemporal);
        var failed = Security(4625, 0, ("IpAddress", "198.51.100.20"));
        var same = Sysmon(3, 60, ("Initiated", "true"), ("DestinationIp", "198.51.100.20"), ("SourceIp", "10.0.0.5"));
        var other = Sysmon(3, 60, ("Initiated", "true"), ("DestinationIp", "198.51.100.21"), ("SourceIp", "198.51.100.20"));
        var fired = Assert.Single(Fired(set, [failed, same]));
        Assert.Equal([new("remote_ip", "198.51.100.20")], fired.Correlation!.GroupBy);
        Assert.Empty(Fired(set, [failed, other]));
    }

    [Fact]
    public void An_alias_without_a_field_for_a_referenced_rule_is_rejected()
    {
        var set = Compile(FailedLogon, Outbound, AliasedTemporal.Replace("\n      outbound_connection: DestinationIp", string.Empty, StringComparison.Ordinal));
        var verdict = set.Verdicts[^1];
        Assert.Equal(SigmaVerdictStatus.Rejected, verdict.Status);
        Assert.Contains("alias 'remote_ip' gives no field", verdict.Error!.Message, StringComparison.Ordinal);
    }

    private const string ManyFailed = """
        title: Many failed logons
        name: many_failed_logons
        correlation:
          type: event_count
          rules: [failed_logon]
          group-by: [TargetUserName]
          timespan: 10m
          condition: {gte: 3}
        """;

    private const string FollowedBySuccess = """
        title: Many failed logons followed by a successful one
        level: critical
        correlation:
          type: temporal_ordered
          rules: [many_failed_logons, successful_logon]
          group-by: [TargetUserName]
          timespan: 1h
        """;

    [Fact]
    public void A_correlation_over_a_correlation_fires_on_the_chain_and_hides_the_inner_detection()
    {
        var set = CompileAll(FailedLogon, SuccessfulLogon, ManyFailed, FollowedBySuccess);
        Assert.Equal(["Many failed logons", "Many failed logons followed by a successful one"], set.Correlations.Select(c => c.Rule.Title));
        var events = new[]
        {
            Security(4625, 0, ("TargetUserName", "bob")), Security(4625, 10, ("TargetUserName", "bob")), Security(4625, 20, ("TargetUserName", "bob")),
            Security(4625, 30, ("TargetUserName", "bob")), Security(4624, 25, ("TargetUserName", "bob")), Security(4624, 900, ("TargetUserName", "carol")),
        };
        var (reported, fired, _) = Hunt(set, events);
        Assert.Empty(reported); // both base rules only feed correlations (generate: false)
        var chain = Assert.Single(fired);
        Assert.Equal("critical", chain.Rule.Level);
        // The inner correlation fired at the third failure (20 s), before the success at 25 s, though its window runs on to 30 s.
        Assert.Equal(["Many failed logons", "Successful logon"], chain.Correlation!.Events.Select(e => e.Rule.Title));
        Assert.Equal(T0.AddSeconds(20), chain.Correlation.WindowStart);
    }

    [Fact]
    public void A_chain_does_not_fire_when_the_inner_correlation_comes_after()
    {
        var set = CompileAll(FailedLogon, SuccessfulLogon, ManyFailed, FollowedBySuccess);
        var events = new[] { Security(4624, 0, ("TargetUserName", "bob")), Security(4625, 10, ("TargetUserName", "bob")), Security(4625, 20, ("TargetUserName", "bob")), Security(4625, 30, ("TargetUserName", "bob")) };
        Assert.Empty(Fired(set, events));
    }

    [Fact]
    public void An_inner_correlation_with_generate_true_reports_its_own_detections()
    {
        var set = CompileAll(FailedLogon, SuccessfulLogon, ManyFailed, FollowedBySuccess.Replace("  timespan: 1h", "  timespan: 1h\n  generate: true", StringComparison.Ordinal));
        var events = new[] { Security(4625, 0, ("TargetUserName", "bob")), Security(4625, 10, ("TargetUserName", "bob")), Security(4625, 20, ("TargetUserName", "bob")) };
        var (reported, fired, _) = Hunt(set, events);
        Assert.Equal(["Many failed logons"], fired.Select(d => d.Rule.Title));
        Assert.Empty(reported); // failed_logon still only feeds many_failed_logons, which does not generate
    }

    [Fact]
    public void A_chain_can_group_only_by_fields_the_inner_correlation_grouped_by()
    {
        var set = Compile(FailedLogon, SuccessfulLogon, ManyFailed, FollowedBySuccess.Replace("group-by: [TargetUserName]", "group-by: [IpAddress]", StringComparison.Ordinal));
        var verdict = set.Verdicts[^1];
        Assert.Equal(SigmaVerdictStatus.Rejected, verdict.Status);
        Assert.Contains("not a group-by of correlation 'Many failed logons'", verdict.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlations_referencing_each_other_in_a_loop_are_rejected()
    {
        var a = "title: A\nname: corr_a\ncorrelation:\n  type: event_count\n  rules: [corr_b]\n  group-by: [x]\n  timespan: 1m\n  condition: {gte: 1}";
        var b = "title: B\nname: corr_b\ncorrelation:\n  type: event_count\n  rules: [corr_a]\n  group-by: [x]\n  timespan: 1m\n  condition: {gte: 1}";
        var set = Compile(a, b);
        Assert.All(set.Verdicts, v => Assert.NotEqual(SigmaVerdictStatus.Compiled, v.Status));
        Assert.Contains(set.Verdicts, v => v.Error!.Message.Contains("loops back", StringComparison.Ordinal));
        Assert.Empty(set.Correlations);
    }

    [Fact]
    public void A_correlation_naming_itself_is_rejected()
    {
        var set = Compile("title: Self\nname: self\ncorrelation:\n  type: event_count\n  rules: [self]\n  timespan: 1m\n  condition: {gte: 1}");
        Assert.Equal(SigmaVerdictStatus.Rejected, set.Verdicts.Single().Status);
    }

    [Fact]
    public void A_chain_deeper_than_sixteen_is_skipped_with_its_reason()
    {
        var documents = new List<string> { FailedLogon };
        var previous = "failed_logon";
        for (var i = 0; i < 20; i++)
        {
            documents.Add($"title: Level {i}\nname: level_{i}\ncorrelation:\n  type: event_count\n  rules: [{previous}]\n  timespan: 1m\n  condition: {{gte: 1}}");
            previous = $"level_{i}";
        }

        var set = Compile([.. documents]);
        Assert.Contains(set.Verdicts, v => v.Error?.Reason == "correlation-unsupported" && v.Error.Message.Contains("deeper than 16", StringComparison.Ordinal));
        Assert.True(set.Verdicts.All(v => v.Status != SigmaVerdictStatus.Rejected));
    }
}
