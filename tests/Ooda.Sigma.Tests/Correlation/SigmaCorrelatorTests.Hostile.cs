using static Ooda.Sigma.Tests.Correlation.Correlations;

namespace Ooda.Sigma.Tests.Correlation;

/// <summary>Evidence is hostile: a million hits, huge timespans and a full buffer stay bounded and are reported, never lost silently.</summary>
public partial class SigmaCorrelatorTests
{
    [Fact]
    public void A_million_hits_in_one_group_under_a_huge_timespan_make_one_bounded_detection()
    {
        var set = CompileAll(FailedLogon, CorrelationRule("event_count", ["failed_logon"], ["IpAddress"], "3650d", "gte: 1000"));
        var (_, fired, correlator) = Hunt(set, Failures(1_000_000, 0.5));
        var match = Assert.Single(fired).Correlation!;
        Assert.Equal(1_000_000, match.EventCount);
        Assert.Equal(SigmaCorrelator.MaxListedEvents, match.Events.Count);
        Assert.Equal(1_000_000 - SigmaCorrelator.MaxListedEvents, match.MoreEvents);
        Assert.Equal(T0.AddSeconds(999 * 0.5), match.FiredAt);
        Assert.Equal(1_000_000, correlator.Buffered);
    }

    [Fact]
    public void A_million_hits_over_many_groups_with_a_percentile_stay_fast_and_exact()
    {
        // 1000 addresses × 1000 hits, values 0 … 999 per address: the median of each window is 499.5.
        var set = CompileAll(FailedLogon, CorrelationRule("value_median", ["failed_logon"], ["IpAddress"], "30d", "field: Status, eq: 499.5"));
        var events = Enumerable.Range(0, 1_000_000).Select(i =>
            Security(4625, i, ("IpAddress", $"10.0.{i % 1000 / 256}.{i % 1000 % 256}"), ("Status", (i / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var fired = Fired(set, events);
        Assert.Equal(1000, fired.Count);
        Assert.All(fired, d => Assert.Equal(1000, d.Correlation!.EventCount));
    }

    [Fact]
    public void Hits_past_the_buffer_limit_are_counted_as_dropped()
    {
        var set = CompileAll(FailedLogon, CorrelationRule("event_count", ["failed_logon"], ["IpAddress"], "1d", "gte: 10"));
        var (_, fired, correlator) = Hunt(set, Failures(5000, 1), maxBufferedHits: 1000);
        Assert.Equal(1000, correlator.Buffered);
        Assert.Equal(4000, correlator.Dropped);
        Assert.Equal(1000, Assert.Single(fired).Correlation!.EventCount);
    }

    [Fact]
    public void Only_hits_of_referenced_rules_are_buffered()
    {
        var set = CompileAll(FailedLogon, SuccessfulLogon, CorrelationRule("event_count", ["failed_logon"], ["IpAddress"], "1d", "gte: 10"));
        var events = Enumerable.Range(0, 500).Select(i => Security(4624, i, ("IpAddress", "203.0.113.7")));
        var (reported, _, correlator) = Hunt(set, events);
        Assert.Equal(0, correlator.Buffered);
        Assert.Equal(500, reported.Count);
        Assert.False(correlator.Wants(set.Rules.Single(r => r.Rule.Name == "successful_logon").Rule));
    }

    [Fact]
    public void Hostile_group_values_cannot_forge_another_group()
    {
        // Joined naively, ("a:b", "c") and ("a", "b:c") would be one group.
        var set = CompileAll(FailedLogon, CorrelationRule("event_count", ["failed_logon"], ["IpAddress", "TargetUserName"], "5m", "gte: 2"));
        Assert.Empty(Fired(set, [Security(4625, 0, ("IpAddress", "a:b"), ("TargetUserName", "c")), Security(4625, 1, ("IpAddress", "a"), ("TargetUserName", "b:c"))]));
        Assert.Empty(Fired(set, [Security(4625, 0, ("IpAddress", "1:a"), ("TargetUserName", "")), Security(4625, 1, ("IpAddress", ""), ("TargetUserName", "1:a"))]));
    }
}
