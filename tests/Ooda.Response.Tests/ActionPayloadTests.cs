using Ooda.Store;

namespace Ooda.Response.Tests;

public sealed class ActionPayloadTests
{
    private static StoredActionEvent Event(int number, string to) => new(number, Actions.T0, "lee", null, to, "test", null, null, [], null);

    [Fact]
    public void Each_dispatch_of_an_action_gets_its_own_key_derived_from_the_actions_key()
    {
        var once = Actions.Make(StoredActionStates.Dispatched, events: [Event(1, StoredActionStates.Proposed), Event(2, StoredActionStates.Dispatched)]);
        var twice = once with { Events = [.. once.Events, Event(3, StoredActionStates.Failed), Event(4, StoredActionStates.Dispatched)] };

        var first = ActionPayload.For(once, ResponseMode.Authorize, Actions.T0);
        var second = ActionPayload.For(twice, ResponseMode.Authorize, Actions.T0);

        Assert.Equal(("ooda-key-A-0001-d1", "ooda-key-A-0001-d2"), (first.IdempotencyKey, second.IdempotencyKey));
        Assert.Contains("\"idempotency_key\":\"ooda-key-A-0001-d2\"", second.BodyText, StringComparison.Ordinal);
        Assert.Contains("\"action_key\":\"ooda-key-A-0001\"", second.BodyText, StringComparison.Ordinal);
        Assert.Equal(first.Body.ToArray(), ActionPayload.For(once, ResponseMode.Authorize, Actions.T0).Body.ToArray());
    }
}
