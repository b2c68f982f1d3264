using Ooda.Testing;

namespace Ooda.Store.Tests;

public sealed class WorkspaceInboxTests
{
    private static readonly DateTime _t0 = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static readonly string _sha = new('c', 64);

    [Fact]
    public void Queues_an_arrived_file_once_per_tenant_host_and_content()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var first = workspace.RegisterInboxItem("acme", "ex01", "acme/ex01/u_ex.log", _sha.ToUpperInvariant(), 10, Workspace.InboxOriginFolder, "ooda", _t0);
        Assert.True(first.IsNew);
        Assert.Equal((1L, InboxItemStates.Arrived, _sha, 0), (first.Item.Id, first.Item.State, first.Item.Sha256, first.Item.Attempts));
        var copy = workspace.RegisterInboxItem("acme", "ex01", "acme/ex01/copy.log", _sha, 10, Workspace.InboxOriginUpload, "erin", _t0);
        Assert.False(copy.IsNew);
        Assert.Equal(first.Item, copy.Item);
        Assert.True(workspace.RegisterInboxItem("acme", "ex02", "acme/ex02/u_ex.log", _sha, 10, Workspace.InboxOriginFolder, "ooda", _t0).IsNew);
        Assert.Equal(2, workspace.ListInboxItems().Count);
        Assert.Equal(["inbox.arrive", "inbox.arrive"], workspace.ReadAudit("inbox/").Select(e => e.Action));
    }

    [Fact]
    public void Moves_a_file_through_its_steps_once_each_and_audits_them()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var id = workspace.RegisterInboxItem("acme", "ex01", "acme/ex01/a.log", _sha, 10, Workspace.InboxOriginFolder, "ooda", _t0).Item.Id;
        Assert.Equal(InboxItemStates.Arrived, workspace.MarkInboxItemHunted(id, 1, 1, "ooda", _t0).State);
        Assert.Equal(42L, workspace.MarkInboxItemIngested(id, 42, "ooda", _t0.AddSeconds(1)).Events);
        workspace.MarkInboxItemIngested(id, 99, "ooda", _t0.AddSeconds(2));
        var hunted = workspace.MarkInboxItemHunted(id, 3, 1, "ooda", _t0.AddSeconds(3));
        Assert.Equal((InboxItemStates.Hunted, 42L, 3, 1), (hunted.State, hunted.Events!.Value, hunted.Findings!.Value, hunted.Leads!.Value));
        Assert.Equal((_t0.AddSeconds(1), _t0.AddSeconds(3)), (hunted.IngestedAt!.Value, hunted.HuntedAt!.Value));
        Assert.Equal(["inbox.arrive", "inbox.ingest", "inbox.hunt"], workspace.ReadAudit(Workspace.InboxSubject(id)).Select(e => e.Action));
    }

    [Fact]
    public void A_failing_step_is_retried_until_the_attempt_limit_then_parked_until_requeued()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var id = workspace.RegisterInboxItem("acme", "ex01", "acme/ex01/a.log", _sha, 10, Workspace.InboxOriginFolder, "ooda", _t0).Item.Id;
        workspace.MarkInboxItemIngested(id, 5, "ooda", _t0);
        var once = workspace.RecordInboxItemFailure(id, "disk full", 2, "ooda", _t0);
        Assert.Equal((InboxItemStates.Ingested, 1, "disk full"), (once.State, once.Attempts, once.Error));
        var parked = workspace.RecordInboxItemFailure(id, "disk still full", 2, "ooda", _t0);
        Assert.Equal((InboxItemStates.Failed, 2), (parked.State, parked.Attempts));
        Assert.Equal([id], workspace.ListInboxItems(new InboxItemQuery { States = [InboxItemStates.Failed] }).Select(i => i.Id));
        var requeued = workspace.RetryInboxItem(id, "dana", _t0);
        Assert.Equal((InboxItemStates.Ingested, 0), (requeued.State, requeued.Attempts));
        Assert.Null(workspace.MarkInboxItemHunted(id, 0, 0, "ooda", _t0).Error);
    }

    [Fact]
    public void Lists_by_tenant_and_state_oldest_first()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RegisterInboxItem("acme", "ex01", "acme/ex01/a", new string('1', 64), 1, Workspace.InboxOriginFolder, "ooda", _t0);
        workspace.RegisterInboxItem("globex", "web1", "globex/web1/b", new string('2', 64), 1, Workspace.InboxOriginFolder, "ooda", _t0);
        workspace.RegisterInboxItem("acme", "ex01", "acme/ex01/c", new string('3', 64), 1, Workspace.InboxOriginFolder, "ooda", _t0);
        workspace.MarkInboxItemIngested(3, 1, "ooda", _t0);
        Assert.Equal([1L, 3L], workspace.ListInboxItems(new InboxItemQuery { Tenant = "acme" }).Select(i => i.Id));
        Assert.Equal([1L, 2L], workspace.ListInboxItems(new InboxItemQuery { States = [InboxItemStates.Arrived] }).Select(i => i.Id));
        Assert.Equal([1L], workspace.ListInboxItems(new InboxItemQuery { Limit = 1 }).Select(i => i.Id));
        Assert.Throws<KeyNotFoundException>(() => workspace.MarkInboxItemIngested(9, 1, "ooda", _t0));
    }
}
