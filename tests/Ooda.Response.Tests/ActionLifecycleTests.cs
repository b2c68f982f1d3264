namespace Ooda.Response.Tests;

public sealed class ActionLifecycleTests
{
    [Theory]
    [InlineData(ActionState.Proposed, ActionState.AwaitingApproval, true)]
    [InlineData(ActionState.AwaitingApproval, ActionState.Approved, true)]
    [InlineData(ActionState.Approved, ActionState.Dispatched, true)]
    [InlineData(ActionState.Dispatched, ActionState.Done, true)]
    [InlineData(ActionState.Dispatched, ActionState.Failed, true)]
    [InlineData(ActionState.Failed, ActionState.Dispatched, true)]
    [InlineData(ActionState.AwaitingApproval, ActionState.Dispatched, false)]
    [InlineData(ActionState.Done, ActionState.Dispatched, false)]
    [InlineData(ActionState.Rejected, ActionState.Approved, false)]
    [InlineData(ActionState.Dispatched, ActionState.Rejected, false)]
    [InlineData(ActionState.Proposed, ActionState.Done, false)]
    public void Allows_only_the_moves_of_the_lifecycle(ActionState from, ActionState to, bool allowed) =>
        Assert.Equal(allowed, ActionLifecycle.CanMove(from, to));
}
