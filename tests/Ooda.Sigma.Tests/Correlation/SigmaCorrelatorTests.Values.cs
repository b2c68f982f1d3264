using Ooda.Core;
using static Ooda.Sigma.Tests.Correlation.Correlations;

namespace Ooda.Sigma.Tests.Correlation;

/// <summary>value_count and the numeric types value_sum, value_avg, value_percentile and value_median.</summary>
public partial class SigmaCorrelatorTests
{
    private static EvidenceEvent Upload(double seconds, string bytes, string user = "alice", string ip = "10.0.0.5") =>
        Sysmon(3, seconds, ("User", user), ("SourceIp", ip), ("DestinationIp", "203.0.113.50"), ("BytesSent", bytes));

    private const string Connection = "title: Outbound connection\nname: outbound\nlogsource: {product: windows, category: network_connection}\ndetection:\n  selection:\n    DestinationIp|cidr: 203.0.113.0/24\n  condition: selection";

    private static SigmaRuleSet Metric(string type, string condition) =>
        CompileAll(Connection, CorrelationRule(type, ["outbound"], ["User"], "1h", "field: BytesSent, " + condition));

    [Theory]
    [InlineData(3, 1)]
    [InlineData(2, 0)]
    public void Value_count_counts_distinct_values_of_the_field(int users, int expected)
    {
        var set = CompileAll(FailedLogon, CorrelationRule("value_count", ["failed_logon"], ["IpAddress"], "1d", "field: TargetUserName, gte: 3"));
        var events = Enumerable.Range(0, 12).Select(i => Security(4625, i * 60, ("IpAddress", "203.0.113.7"), ("TargetUserName", $"user{i % users}")));
        var fired = Fired(set, events);
        Assert.Equal(expected, fired.Count);
        if (expected == 1)
            Assert.Equal("distinct(TargetUserName)", fired[0].Correlation!.Measure);
    }

    [Fact]
    public void Value_count_ignores_case_and_hits_without_the_field()
    {
        var set = CompileAll(FailedLogon, CorrelationRule("value_count", ["failed_logon"], ["IpAddress"], "1d", "field: TargetUserName, gte: 3"));
        var events = new[]
        {
            Security(4625, 0, ("IpAddress", "203.0.113.7"), ("TargetUserName", "Alice")),
            Security(4625, 1, ("IpAddress", "203.0.113.7"), ("TargetUserName", "alice")),
            Security(4625, 2, ("IpAddress", "203.0.113.7"), ("TargetUserName", "bob")),
            Security(4625, 3, ("IpAddress", "203.0.113.7")),
        };
        Assert.Empty(Fired(set, events));
        var fired = Assert.Single(Fired(set, events.Append(Security(4625, 4, ("IpAddress", "203.0.113.7"), ("TargetUserName", "carol")))));
        Assert.Equal(3, fired.Correlation!.Value);
        Assert.Equal(5, fired.Correlation.EventCount);
    }

    [Fact]
    public void Value_count_over_several_fields_counts_distinct_combinations()
    {
        var set = CompileAll(FailedLogon, CorrelationRule("value_count", ["failed_logon"], ["IpAddress"], "1d", "field: [TargetUserName, TargetDomainName], gte: 2"));
        Assert.Empty(Fired(set, [Security(4625, 0, ("IpAddress", "x"), ("TargetUserName", "a"), ("TargetDomainName", "D")), Security(4625, 1, ("IpAddress", "x"), ("TargetUserName", "a"), ("TargetDomainName", "d"))]));
        Assert.Single(Fired(set, [Security(4625, 0, ("IpAddress", "x"), ("TargetUserName", "a"), ("TargetDomainName", "D")), Security(4625, 1, ("IpAddress", "x"), ("TargetUserName", "a"), ("TargetDomainName", "E"))]));
    }

    [Theory]
    [InlineData("gt: 1000", new[] { "600", "500" }, 1100.0)]
    [InlineData("gt: 1000", new[] { "600", "400" }, double.NaN)]
    [InlineData("gt: 1000", new[] { "600", "n/a", "0x1F4" }, 1100.0)]
    [InlineData("gte: 1000", new[] { "1000" }, 1000.0)]
    public void Value_sum_adds_the_numeric_values_and_ignores_the_rest(string condition, string[] values, double expected)
    {
        var fired = Fired(Metric("value_sum", condition), values.Select((v, i) => Upload(i * 60, v)));
        if (double.IsNaN(expected))
            Assert.Empty(fired);
        else
            Assert.Equal(expected, Assert.Single(fired).Correlation!.Value);
    }

    [Fact]
    public void Value_sum_fires_as_soon_as_the_sum_is_reached_and_keeps_users_apart()
    {
        var set = Metric("value_sum", "gte: 1000");
        var events = new[] { Upload(0, "400"), Upload(10, "400", user: "bob"), Upload(20, "400"), Upload(30, "400", user: "bob"), Upload(40, "400"), Upload(4000, "400") };
        var fired = Assert.Single(Fired(set, events));
        Assert.Equal("alice", fired.Correlation!.GroupBy[0].Value);
        Assert.Equal(T0.AddSeconds(40), fired.Correlation.FiredAt);
        Assert.Equal(1200, fired.Correlation.Value);
    }

    [Theory]
    [InlineData("value_avg", "gte: 200", new[] { "100", "n/a", "300" }, 200.0)]
    [InlineData("value_avg", "gt: 200", new[] { "100", "n/a", "300" }, double.NaN)]
    [InlineData("value_avg", "lt: 50", new[] { "n/a", "-" }, double.NaN)]
    [InlineData("value_median", "gte: 25", new[] { "10", "20", "30", "40" }, 25.0)]
    [InlineData("value_median", "eq: 30", new[] { "40", "10", "30" }, 30.0)]
    public void Mean_and_median_use_numeric_values_only(string type, string condition, string[] values, double expected)
    {
        var fired = Fired(Metric(type, condition), values.Select((v, i) => Upload(i * 60, v)));
        if (double.IsNaN(expected))
            Assert.Empty(fired);
        else
            Assert.Equal(expected, Assert.Single(fired).Correlation!.Value);
    }

    [Theory]
    [InlineData(95, "gte: 95", 1)]
    [InlineData(95, "gte: 96", 0)]
    [InlineData(50, "eq: 50", 1)]
    [InlineData(100, "eq: 100", 1)]
    [InlineData(1, "eq: 1", 1)]
    public void Value_percentile_takes_the_nearest_rank(int percentile, string condition, int expected)
    {
        // 1 … 100 in a shuffled order: the p-th percentile by nearest rank is p.
        var values = Enumerable.Range(1, 100).OrderBy(v => v * 37 % 101).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var set = Metric("value_percentile", $"percentile: {percentile}, {condition}");
        Assert.Equal(expected, Fired(set, values.Select((v, i) => Upload(i, v))).Count);
    }

    [Fact]
    public void A_mean_is_judged_over_the_whole_burst()
    {
        // One large upload among small ones: the burst's mean stays low even though its last hit alone is high.
        var set = Metric("value_avg", "gt: 500");
        Assert.Empty(Fired(set, [Upload(0, "100"), Upload(10, "100"), Upload(20, "100"), Upload(30, "1000")]));
        Assert.Single(Fired(set, [Upload(0, "100"), Upload(10, "100"), Upload(20, "100"), Upload(3630, "1000")]));
    }

    [Fact]
    public void Value_fields_are_read_through_the_rules_field_translation()
    {
        // network_connection on Security 5156 names the destination DestAddress: the same alias-free rule counts both sources.
        var set = CompileAll(Connection, CorrelationRule("value_count", ["outbound"], ["SourceIp"], "1h", "field: DestinationIp, gte: 2"));
        var sysmon = Sysmon(3, 0, ("SourceIp", "10.0.0.5"), ("DestinationIp", "203.0.113.50"));
        var security = Security(5156, 10, ("SourceAddress", "10.0.0.5"), ("DestAddress", "203.0.113.51"));
        var fired = Assert.Single(Fired(set, [sysmon, security]));
        Assert.Equal(2, fired.Correlation!.Value);
    }
}
