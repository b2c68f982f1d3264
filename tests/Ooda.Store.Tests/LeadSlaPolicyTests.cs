namespace Ooda.Store.Tests;

public sealed class LeadSlaPolicyTests
{
    [Theory]
    [InlineData("critical", 15, 240)]
    [InlineData("HIGH", 60, 1440)]
    [InlineData("medium", 240, 4320)]
    [InlineData("low", 1440, 10080)]
    [InlineData("informational", 4320, 20160)]
    [InlineData("bogus", 4320, 20160)]
    public void The_default_policy_gives_each_severity_its_clocks(string severity, int ackMinutes, int resolveMinutes)
    {
        var sla = LeadSlaPolicy.Default.For(severity);
        Assert.Equal((TimeSpan.FromMinutes(ackMinutes), TimeSpan.FromMinutes(resolveMinutes)), (sla.Acknowledge, sla.Resolve));
    }

    [Fact]
    public void Parses_overrides_and_keeps_the_defaults_of_unnamed_severities()
    {
        var policy = LeadSlaPolicy.Parse(" critical=5m/2h , low=2d/30d,high=90s/1h");
        Assert.Equal(new LeadSla(TimeSpan.FromMinutes(5), TimeSpan.FromHours(2)), policy.Critical);
        Assert.Equal(new LeadSla(TimeSpan.FromDays(2), TimeSpan.FromDays(30)), policy.Low);
        Assert.Equal(new LeadSla(TimeSpan.FromSeconds(90), TimeSpan.FromHours(1)), policy.High);
        Assert.Equal(LeadSlaPolicy.Default.Medium, policy.Medium);
        Assert.Equal(LeadSlaPolicy.Default, LeadSlaPolicy.Parse(string.Empty));
    }

    [Theory]
    [InlineData("critical")]
    [InlineData("critical=15m")]
    [InlineData("urgent=1m/1h")]
    [InlineData("critical=0m/1h")]
    [InlineData("critical=-5m/1h")]
    [InlineData("critical=5x/1h")]
    [InlineData("critical=2h/1h")]
    [InlineData("critical=1m/999d")]
    [InlineData("critical=m/1h")]
    public void Refuses_malformed_entries(string text) =>
        Assert.Throws<FormatException>(() => LeadSlaPolicy.Parse(text));
}
