namespace Ooda.Response.Tests;

public sealed class ContactAttemptTests
{
    [Theory]
    [InlineData("primary", "primary: Dana Reyes <dana@acme.example>")]
    [InlineData("SECONDARY", "secondary: Sam Okafor <+44 20 7946 0000>")]
    [InlineData("dana reyes", "primary: Dana Reyes <dana@acme.example>")]
    [InlineData(" +44 20 7946 0000 ", "secondary: Sam Okafor <+44 20 7946 0000>")]
    public void Names_a_contact_by_role_name_or_channel(string tried, string label) =>
        Assert.Equal([label], ContactAttempt.Resolve(Actions.Policy(ResponseMode.Collaborate, actIfUnreachable: true), [tried]).Tried);

    [Theory]
    [InlineData("tertiary")]
    [InlineData("Mallory")]
    [InlineData(" ")]
    public void Refuses_a_contact_the_tenant_does_not_name(string tried) =>
        Assert.Throws<ResponseRuleException>(() => ContactAttempt.Resolve(Actions.Policy(ResponseMode.Collaborate, actIfUnreachable: true), [tried]));

    [Fact]
    public void Only_the_contacts_named_count_as_tried_so_the_gate_holds_until_every_one_was()
    {
        var policy = Actions.Policy(ResponseMode.Collaborate, actIfUnreachable: true);
        var action = Actions.Make(Ooda.Store.StoredActionStates.AwaitingApproval);

        var some = ContactAttempt.Resolve(policy, ["primary", "Dana Reyes"], Actions.T0);
        var held = ResponseGate.Decide(policy, action, some);
        Assert.Equal(GateVerdict.Hold, held.Verdict);
        Assert.Contains("not every contact was tried (not yet: secondary: Sam Okafor", held.Reason, StringComparison.Ordinal);

        var all = ContactAttempt.Resolve(policy, ["primary", "sam okafor"], Actions.T0);
        Assert.Equal(GateVerdict.DispatchUnreachable, ResponseGate.Decide(policy, action, all).Verdict);
        Assert.Equal("tried primary: Dana Reyes <dana@acme.example>; secondary: Sam Okafor <+44 20 7946 0000> at 2026-11-28 09:00 UTC", all.Describe());
    }
}
