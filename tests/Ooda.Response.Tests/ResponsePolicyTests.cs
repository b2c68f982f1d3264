using Ooda.Store;

namespace Ooda.Response.Tests;

public sealed class ResponsePolicyTests
{
    [Fact]
    public void An_explicit_setting_wins_over_the_inventory()
    {
        var setting = new TenantResponse { Tenant = "acme", Mode = "collaborate", ActIfUnreachable = true, Contacts = [new("Dana", "dana@acme.example")] };
        var policy = ResponsePolicy.Resolve("acme", setting, ["authorize"]);
        Assert.Equal((ResponseMode.Collaborate, true, ResponsePolicy.FromSetting), (policy.Mode, policy.ActIfUnreachable, policy.Source));
        Assert.Equal(["primary: Dana <dana@acme.example>"], policy.ContactLabels());
    }

    [Theory]
    [InlineData(new[] { "authorize", "Collaborate", null }, ResponseMode.Collaborate)]
    [InlineData(new[] { "authorize", "notify" }, ResponseMode.Notify)]
    [InlineData(new[] { "AUTHORIZE", "bogus" }, ResponseMode.Authorize)]
    public void The_inventory_mode_applies_when_no_setting_exists_and_the_least_permissive_wins(string?[] modes, ResponseMode expected)
    {
        var policy = ResponsePolicy.Resolve("acme", null, modes);
        Assert.Equal((expected, ResponsePolicy.FromInventory, false), (policy.Mode, policy.Source, policy.ActIfUnreachable));
    }

    [Fact]
    public void Without_setting_or_inventory_the_tenant_is_in_notify_mode()
    {
        var policy = ResponsePolicy.Resolve("acme", null, [null, "", "contain"]);
        Assert.Equal((ResponseMode.Notify, ResponsePolicy.FromDefault), (policy.Mode, policy.Source));
    }

    [Fact]
    public void Acting_when_unreachable_counts_only_in_collaborate_mode()
    {
        var setting = new TenantResponse { Tenant = "acme", Mode = "notify", ActIfUnreachable = true };
        Assert.False(ResponsePolicy.Resolve("acme", setting, []).ActIfUnreachable);
    }
}
