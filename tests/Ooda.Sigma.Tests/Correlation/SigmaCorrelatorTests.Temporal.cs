using Ooda.Core;
using static Ooda.Sigma.Tests.Correlation.Correlations;

namespace Ooda.Sigma.Tests.Correlation;

/// <summary>temporal and temporal_ordered, from the spec's recon and failed-then-successful logon examples.</summary>
public partial class SigmaCorrelatorTests
{
    private static readonly string[] _recon = [Recon("whoami"), Recon("ipconfig"), Recon("net")];

    private static EvidenceEvent Tool(string tool, double seconds, string user = "CORP\\mallory", string computer = "ws1") =>
        Sysmon(1, seconds, ("Image", $@"C:\Windows\System32\{tool}.exe"), ("User", user), ("Computer", computer));

    private static SigmaRuleSet ReconSet(string type, string extra = "") =>
        CompileAll([.. _recon, CorrelationRule(type, ["recon_whoami", "recon_ipconfig", "recon_net"], ["Computer", "User"], "5m", null, extra)]);

    [Theory]
    [InlineData("whoami,ipconfig,net")]
    [InlineData("net,whoami,ipconfig")]
    [InlineData("ipconfig,net,whoami")]
    public void Temporal_fires_when_every_rule_matched_in_the_window_in_any_order(string order)
    {
        var events = order.Split(',').Select((tool, i) => Tool(tool, i * 60));
        var fired = Assert.Single(Fired(ReconSet("temporal"), events));
        Assert.Equal(3, fired.Correlation!.Value);
        Assert.Equal(SigmaCorrelationType.Temporal, fired.Correlation.Type);
    }

    [Fact]
    public void Temporal_does_not_fire_when_a_rule_is_missing_or_late()
    {
        var set = ReconSet("temporal");
        Assert.Empty(Fired(set, [Tool("whoami", 0), Tool("ipconfig", 10), Tool("whoami", 20)]));
        Assert.Empty(Fired(set, [Tool("whoami", 0), Tool("ipconfig", 10), Tool("net", 301)]));
        Assert.Single(Fired(set, [Tool("whoami", 0), Tool("ipconfig", 10), Tool("net", 300)]));
    }

    [Fact]
    public void Temporal_needs_the_same_group_for_every_rule()
    {
        var set = ReconSet("temporal");
        Assert.Empty(Fired(set, [Tool("whoami", 0), Tool("ipconfig", 10), Tool("net", 20, user: "CORP\\alice")]));
        Assert.Empty(Fired(set, [Tool("whoami", 0), Tool("ipconfig", 10), Tool("net", 20, computer: "ws2")]));
    }

    [Fact]
    public void Temporal_with_a_condition_counts_distinct_rules()
    {
        var set = CompileAll([.. _recon, CorrelationRule("temporal", ["recon_whoami", "recon_ipconfig", "recon_net"], ["Computer"], "5m", "gte: 2")]);
        Assert.Empty(Fired(set, [Tool("whoami", 0), Tool("whoami", 10), Tool("whoami", 20)]));
        Assert.Equal(2, Assert.Single(Fired(set, [Tool("whoami", 0), Tool("net", 10)])).Correlation!.Value);
    }

    [Fact]
    public void Temporal_ordered_fires_only_in_the_listed_order()
    {
        var set = CompileAll(FailedLogon, SuccessfulLogon, CorrelationRule("temporal_ordered", ["failed_logon", "successful_logon"], ["TargetUserName"], "1h", null));
        var failedThenSuccess = new[] { Security(4625, 0, ("TargetUserName", "bob")), Security(4624, 600, ("TargetUserName", "bob")) };
        var fired = Assert.Single(Fired(set, failedThenSuccess));
        Assert.Equal(T0.AddMinutes(10), fired.Correlation!.FiredAt);
        Assert.Equal(["failed_logon", "successful_logon"], fired.Correlation.Events.Select(e => e.Rule.Name));

        var successThenFailed = new[] { Security(4624, 0, ("TargetUserName", "bob")), Security(4625, 600, ("TargetUserName", "bob")) };
        Assert.Empty(Fired(set, successThenFailed));
        Assert.Single(Fired(UnorderedLogons(), successThenFailed));
    }

    [Fact]
    public void Temporal_ordered_finds_the_order_among_noise_and_respects_the_timespan()
    {
        var set = CompileAll([.. _recon, CorrelationRule("temporal_ordered", ["recon_whoami", "recon_ipconfig", "recon_net"], ["Computer"], "5m", null)]);
        Assert.Single(Fired(set, [Tool("net", 0), Tool("whoami", 10), Tool("net", 20), Tool("ipconfig", 30), Tool("whoami", 40), Tool("net", 50)]));
        Assert.Empty(Fired(set, [Tool("whoami", 0), Tool("net", 10), Tool("ipconfig", 20)]));
        Assert.Empty(Fired(set, [Tool("whoami", 0), Tool("ipconfig", 10), Tool("net", 301)]));
        Assert.Equal(2, Fired(set, [Tool("whoami", 0), Tool("ipconfig", 10), Tool("net", 20), Tool("whoami", 30), Tool("ipconfig", 40), Tool("net", 50)]).Count);
    }

    [Fact]
    public void Temporal_counts_one_event_that_two_rules_match_once_per_rule()
    {
        const string anyRecon = "title: Any recon\nname: any_recon\nlogsource: {product: windows, category: process_creation}\ndetection:\n  selection:\n    Image|endswith: ['\\whoami.exe', '\\net.exe']\n  condition: selection";
        var set = CompileAll(_recon[0], anyRecon, CorrelationRule("temporal", ["recon_whoami", "any_recon"], ["Computer"], "5m", null));
        Assert.Single(Fired(set, [Tool("whoami", 0)]));
    }

    /// <summary>The same rules under a plain temporal correlation: the order the ordered one refused is fine there.</summary>
    private static SigmaRuleSet UnorderedLogons() =>
        CompileAll(FailedLogon, SuccessfulLogon, CorrelationRule("temporal", ["failed_logon", "successful_logon"], ["TargetUserName"], "1h", null));
}
