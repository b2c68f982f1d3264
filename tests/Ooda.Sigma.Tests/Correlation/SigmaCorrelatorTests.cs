using Ooda.Core;
using static Ooda.Sigma.Tests.Correlation.Correlations;

namespace Ooda.Sigma.Tests.Correlation;

/// <summary>event_count and the window rules every type shares: boundaries, sliding, groups, tenants, reporting.</summary>
public partial class SigmaCorrelatorTests
{
    private static readonly string _bruteForce = CorrelationRule("event_count", ["failed_logon"], ["IpAddress"], "5m", "gte: 10");

    [Theory]
    [InlineData(10, 1)]
    [InlineData(9, 0)]
    [InlineData(19, 1)]
    [InlineData(20, 1)]
    public void Event_count_fires_once_per_burst_when_the_count_reaches_the_condition(int attempts, int expected)
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var fired = Fired(set, Failures(attempts, 10));
        Assert.Equal(expected, fired.Count);
        if (expected == 1)
        {
            var match = fired[0].Correlation!;
            Assert.Equal(Math.Min(attempts, 30), match.EventCount); // 10 s apart: 31 fit in 5 minutes
            Assert.Equal(match.EventCount, match.Value);
            Assert.Equal(T0, match.WindowStart);
            Assert.Equal(T0.AddSeconds(90), match.FiredAt); // the 10th attempt
        }
    }

    [Theory]
    [InlineData(300, 1)]
    [InlineData(301, 0)]
    public void A_hit_one_second_outside_the_timespan_does_not_count(double lastAt, int expected)
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var events = Failures(9, 1).Append(Security(4625, lastAt, ("IpAddress", "203.0.113.7")));
        Assert.Equal(expected, Fired(set, events).Count);
    }

    [Fact]
    public void Windows_slide_with_the_hits_instead_of_following_clock_buckets()
    {
        // 10:02:30 to 10:07:00: a fixed 5-minute bucket would split the burst at 10:05.
        var set = CompileAll(FailedLogon, _bruteForce);
        var fired = Assert.Single(Fired(set, Failures(10, 30)));
        Assert.Equal(new DateTime(2024, 5, 1, 10, 7, 0, DateTimeKind.Utc), fired.Correlation!.WindowEnd);
    }

    [Fact]
    public void Group_by_keeps_each_address_apart()
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var events = Failures(6, 5, "198.51.100.1").Concat(Failures(6, 5, "198.51.100.2", start: 1)).ToList();
        Assert.Empty(Fired(set, events));

        var fired = Assert.Single(Fired(set, events.Concat(Failures(4, 5, "198.51.100.1", start: 40))));
        Assert.Equal([new("IpAddress", "198.51.100.1")], fired.Correlation!.GroupBy);
        Assert.Equal(10, fired.Correlation.EventCount);
    }

    [Fact]
    public void Several_group_by_fields_must_all_agree()
    {
        var set = CompileAll(FailedLogon, CorrelationRule("event_count", ["failed_logon"], ["IpAddress", "TargetUserName"], "5m", "gte: 10"));
        var mixed = Enumerable.Range(0, 10).Select(i => Security(4625, i, ("IpAddress", "203.0.113.7"), ("TargetUserName", i % 2 == 0 ? "alice" : "bob")));
        Assert.Empty(Fired(set, mixed));
        var fired = Assert.Single(Fired(set, Failures(10, 1, user: "alice")));
        Assert.Equal(["IpAddress", "TargetUserName"], fired.Correlation!.GroupBy.Select(p => p.Key));
    }

    [Fact]
    public void Group_values_compare_without_case_and_report_the_first_spelling()
    {
        var set = CompileAll(FailedLogon, CorrelationRule("event_count", ["failed_logon"], ["TargetUserName"], "5m", "gte: 4"));
        var events = new[] { "Admin", "admin", "ADMIN", "aDmin" }.Select((u, i) => Security(4625, i, ("TargetUserName", u)));
        var fired = Assert.Single(Fired(set, events));
        Assert.Equal("Admin", fired.Correlation!.GroupBy[0].Value);
    }

    [Fact]
    public void Tenants_are_never_counted_together()
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var events = Enumerable.Range(0, 10).Select(i => Event(4625, "Security", "Microsoft-Windows-Security-Auditing", i, i % 2 == 0 ? "acme" : "globex", ("IpAddress", "203.0.113.7")));
        Assert.Empty(Fired(set, events));
    }

    [Fact]
    public void Hits_without_a_group_by_value_are_counted_apart_and_never_grouped()
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var events = Failures(9, 1).Concat(Enumerable.Range(0, 5).Select(i => Security(4625, 20 + i)));
        var (_, fired, correlator) = Hunt(set, events);
        Assert.Empty(fired);
        Assert.Equal(5, correlator.Ungrouped);
        Assert.Equal(9, correlator.Buffered);
    }

    [Fact]
    public void Without_group_by_every_hit_of_a_tenant_is_one_group()
    {
        var set = CompileAll(FailedLogon, "title: Many failures\ncorrelation:\n  type: event_count\n  rules: [failed_logon]\n  timespan: 1m\n  condition: {gt: 3}");
        var events = Enumerable.Range(0, 4).Select(i => Security(4625, i, ("IpAddress", $"198.51.100.{i}")));
        var fired = Assert.Single(Fired(set, events));
        Assert.Empty(fired.Correlation!.GroupBy);
    }

    [Fact]
    public void An_event_matching_two_referenced_rules_counts_once()
    {
        const string anyLogon = "title: Any logon event\nname: any_logon\nlogsource: {product: windows, service: security}\ndetection:\n  selection:\n    EventID: [4624, 4625]\n  condition: selection";
        var set = CompileAll(FailedLogon, anyLogon, CorrelationRule("event_count", ["failed_logon", "any_logon"], ["IpAddress"], "5m", "gte: 10"));
        Assert.Empty(Fired(set, Failures(5, 1)));
        Assert.Single(Fired(set, Failures(10, 1)));
    }

    [Fact]
    public void Two_bursts_far_apart_fire_twice_and_come_out_in_time_order()
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var fired = Fired(set, Failures(10, 1, start: 7200).Concat(Failures(10, 1)));
        Assert.Equal([T0, T0.AddHours(2)], fired.Select(d => d.Correlation!.WindowStart));
    }

    [Theory]
    [InlineData("gt: 5\n    lte: 8", 7, 1)]
    [InlineData("gt: 5\n    lte: 8", 9, 0)]
    [InlineData("gt: 5\n    lte: 8", 5, 0)]
    [InlineData("lt: 3", 2, 1)]
    [InlineData("lt: 3", 20, 0)]
    [InlineData("eq: 4", 4, 1)]
    [InlineData("eq: 4", 5, 0)]
    [InlineData("neq: 4", 4, 0)]
    [InlineData("neq: 4", 3, 1)]
    public void Upper_bounds_judge_a_burst_whole(string condition, int attempts, int expected)
    {
        var document = $"title: Range\ncorrelation:\n  type: event_count\n  rules: [failed_logon]\n  group-by: [IpAddress]\n  timespan: 5m\n  condition:\n    {condition}";
        var set = CompileAll(FailedLogon, document);
        Assert.Equal(expected, Fired(set, Failures(attempts, 10)).Count);
    }

    [Fact]
    public void A_detection_lists_sixteen_contributing_hits_and_counts_the_rest()
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var match = Assert.Single(Fired(set, Failures(25, 1))).Correlation!;
        Assert.Equal(16, match.Events.Count);
        Assert.Equal(9, match.MoreEvents);
        Assert.All(match.Events, e => Assert.Equal("failed_logon", e.Rule.Name));
        Assert.Equal("events.jsonl", match.Events[0].Provenance.File);
        Assert.Equal(T0, match.Events[0].Timestamp);
    }

    [Fact]
    public void A_correlation_detection_is_a_detection_of_the_correlation_rule_with_a_summary_event()
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var detection = Assert.Single(Fired(set, Failures(10, 1)));
        Assert.Equal("Correlation", detection.Rule.Title);
        Assert.Equal("high", detection.Rule.Level);
        Assert.Equal(SigmaCorrelator.Target, detection.Target);
        Assert.Equal(T0, detection.Event.Timestamp);
        Assert.Equal("acme", detection.Event.Tenant);
        Assert.Equal("203.0.113.7", detection.Event.Fields.Get("IpAddress"));
        Assert.Equal("10", detection.Event.Fields.Get("count"));
        Assert.Contains(new KeyValuePair<string, string>("count", "10"), detection.MatchedFields);
    }

    [Fact]
    public void A_correlation_without_level_takes_the_highest_level_it_references()
    {
        var set = CompileAll(FailedLogon, SuccessfulLogon, "title: No level\ncorrelation:\n  type: temporal\n  rules: [failed_logon, successful_logon]\n  group-by: [IpAddress]\n  timespan: 5m");
        Assert.Equal("low", set.Correlations.Single().Rule.Level);
    }

    [Fact]
    public void Hit_order_across_workers_does_not_change_the_result()
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var events = Failures(30, 7).Concat(Failures(30, 7, "198.51.100.9")).ToList();
        var forward = Fired(set, events).Select(Describe).ToList();
        var shuffled = events.OrderBy(e => e.Provenance.Line * 7919 % 101).ToList();
        Assert.Equal(forward, Fired(set, shuffled).Select(Describe));
    }

    [Fact]
    public void Base_rules_are_not_reported_alone_unless_generate_is_true()
    {
        var hidden = CompileAll(FailedLogon, SuccessfulLogon, _bruteForce);
        var (reported, _, _) = Hunt(hidden, Failures(3, 1).Append(Security(4624, 9, ("IpAddress", "203.0.113.7"))));
        Assert.Equal(["Successful logon"], reported.Select(d => d.Rule.Title));

        var shown = CompileAll(FailedLogon, SuccessfulLogon, _bruteForce + "  generate: true\n");
        Assert.Equal(4, Hunt(shown, Failures(3, 1).Append(Security(4624, 9, ("IpAddress", "203.0.113.7")))).Reported.Count);
        Assert.True(shown.Correlations.Single().Generate);
    }

    [Fact]
    public void A_rule_shared_by_a_generating_and_a_silent_correlation_is_reported()
    {
        var silent = CorrelationRule("event_count", ["failed_logon"], ["IpAddress"], "5m", "gte: 10", title: "Silent");
        var loud = CorrelationRule("event_count", ["failed_logon"], ["TargetUserName"], "5m", "gte: 10", "  generate: true\n", title: "Loud");
        var set = CompileAll(FailedLogon, silent, loud.Replace("0e95725d-7320-415d-80f7-004da920fc11", "0e95725d-7320-415d-80f7-004da920fc12", StringComparison.Ordinal));
        Assert.True(set.IsReportedAlone(set.Rules.Single().Rule));
    }

    [Fact]
    public void Events_without_a_time_are_counted_apart()
    {
        var set = CompileAll(FailedLogon, _bruteForce);
        var untimed = Failures(12, 1).Select(e => e with { Timestamp = DateTime.MinValue });
        var (_, fired, correlator) = Hunt(set, untimed);
        Assert.Empty(fired);
        Assert.Equal(12, correlator.Untimed);
    }

    [Fact]
    public void Finishing_twice_is_refused()
    {
        var correlator = CompileAll(FailedLogon, _bruteForce).CreateCorrelator()!;
        correlator.Finish();
        Assert.Throws<InvalidOperationException>(() => correlator.Finish());
    }

    [Fact]
    public void A_rule_set_without_correlations_has_no_correlator() => Assert.Null(CompileAll(FailedLogon).CreateCorrelator());

    internal static string Describe(SigmaDetection d) =>
        $"{d.Rule.Title} {string.Join(",", d.Correlation!.GroupBy)} {d.Correlation.WindowStart:O} {d.Correlation.WindowEnd:O} {d.Correlation.Value} {d.Correlation.EventCount}";

    internal static EvidenceEvent At(EvidenceEvent evidence, double seconds) => evidence with { Timestamp = T0.AddSeconds(seconds) };
}
