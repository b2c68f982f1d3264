namespace Ooda.Response.Tests;

public sealed class ResponseNamesTests
{
    [Fact]
    public void Every_kind_and_state_round_trips_through_its_stored_name()
    {
        foreach (var kind in Enum.GetValues<ActionKind>())
            Assert.True(ResponseNames.TryParseKind(ResponseNames.Of(kind), out var parsed) && parsed == kind);
        foreach (var state in Enum.GetValues<ActionState>())
            Assert.True(ResponseNames.TryParseState(ResponseNames.Of(state), out var parsed) && parsed == state);
        foreach (var mode in Enum.GetValues<ResponseMode>())
            Assert.True(ResponseNames.TryParseMode(ResponseNames.Of(mode), out var parsed) && parsed == mode);
    }

    [Theory]
    [InlineData("endpoint-agent", ActionTarget.Agent)]
    [InlineData("Agent", ActionTarget.Agent)]
    [InlineData("customer", ActionTarget.Customer)]
    public void Runbook_and_stored_target_names_both_parse(string text, ActionTarget expected)
    {
        Assert.True(ResponseNames.TryParseTarget(text, out var target));
        Assert.Equal(expected, target);
    }

    [Theory]
    [InlineData("collect-evidence")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_kinds_do_not_parse(string? text) => Assert.False(ResponseNames.TryParseKind(text, out _));
}
