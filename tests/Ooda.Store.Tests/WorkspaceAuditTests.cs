using Ooda.Testing;

namespace Ooda.Store.Tests;

public sealed class WorkspaceAuditTests
{
    private static readonly DateTime _t0 = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static Workspace WithEntries(TempDirectory dir, int count)
    {
        var workspace = Workspace.Open(dir.Path);
        for (var i = 1; i <= count; i++)
            workspace.AppendAudit("dana", "test.action", "case/C-0001", $"{{\"n\":{i}}}", _t0.AddSeconds(i).AddTicks(3));
        return workspace;
    }

    [Fact]
    public void A_chain_links_each_entry_to_the_one_before_and_verifies()
    {
        using var dir = new TempDirectory();
        using var workspace = WithEntries(dir, 3);
        var entries = workspace.ReadAudit();
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal(Workspace.AuditGenesisHash, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.Equal(_t0.AddSeconds(1), entries[0].At);
        Assert.Equal(new AuditVerification(3, null, null), workspace.VerifyAudit());
    }

    [Fact]
    public void An_empty_log_verifies()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET details = '{\"n\":99}' WHERE seq = 2", 2L, "content")]
    [InlineData("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1", 1L, "content")]
    [InlineData("UPDATE audit_log SET logged_at = logged_at + INTERVAL 1 SECOND WHERE seq = 3", 3L, "content")]
    [InlineData("DELETE FROM audit_log WHERE seq = 2", 2L, "missing")]
    [InlineData("DELETE FROM audit_log WHERE seq = 4", 4L, "removed from the end")]
    public void Any_edited_or_removed_entry_breaks_the_chain_where_it_happened(string tamper, long brokenAt, string problem)
    {
        using var dir = new TempDirectory();
        using var workspace = WithEntries(dir, 4);
        using (var command = workspace.Command(tamper))
            command.ExecuteNonQuery();
        var result = workspace.VerifyAudit();
        Assert.False(result.IsIntact);
        Assert.Equal(brokenAt, result.BrokenAt);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Rehashing_an_edited_entry_still_breaks_the_next_link()
    {
        using var dir = new TempDirectory();
        using var workspace = WithEntries(dir, 3);
        var second = workspace.ReadAudit()[1];
        var forged = Workspace.AuditHash(2, second.At, "mallory", second.Action, second.Subject, second.Details, second.PreviousHash);
        using (var command = workspace.Command("UPDATE audit_log SET actor = 'mallory', hash = $1 WHERE seq = 2", forged))
            command.ExecuteNonQuery();
        Assert.Equal(3L, workspace.VerifyAudit().BrokenAt);
    }

    [Fact]
    public void A_missing_or_unreadable_head_file_is_reported()
    {
        using var dir = new TempDirectory();
        using var workspace = WithEntries(dir, 2);
        var head = Path.Combine(dir.Path, Workspace.AuditHeadFileName);
        File.WriteAllText(head, "garbage");
        Assert.Contains("unreadable", workspace.VerifyAudit().Problem, StringComparison.Ordinal);
        File.Delete(head);
        Assert.Contains("missing", workspace.VerifyAudit().Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_head_behind_the_log_after_an_interrupted_write_still_verifies()
    {
        using var dir = new TempDirectory();
        using var workspace = WithEntries(dir, 3);
        var second = workspace.ReadAudit()[1];
        File.WriteAllText(Path.Combine(dir.Path, Workspace.AuditHeadFileName), $"2 {second.Hash}\n");
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public void Hashes_are_unambiguous_when_fields_shift_content_between_them()
    {
        var a = Workspace.AuditHash(1, _t0, "ab", "c", "s", "d", Workspace.AuditGenesisHash);
        var b = Workspace.AuditHash(1, _t0, "a", "bc", "s", "d", Workspace.AuditGenesisHash);
        Assert.NotEqual(a, b);
    }
}
