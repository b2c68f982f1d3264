using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Web.Tests;

public sealed class ConsoleAccountsTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly Workspace _workspace;

    public ConsoleAccountsTests() => _workspace = Workspace.Open(_folder.Path);

    [Fact]
    public void An_account_is_stored_with_a_password_hash_and_audited()
    {
        var user = ConsoleAccounts.Add(_workspace, "dana", ConsoleRoles.Analyst, ["acme", "globex"], "a long password", "admin", iterations: 1000);
        Assert.Equal(["acme", "globex"], user.Tenants);
        Assert.DoesNotContain("a long password", user.PasswordHash, StringComparison.Ordinal);
        Assert.True(ConsolePasswords.Verify("a long password", _workspace.FindUser("DANA")!.PasswordHash));
        Assert.Contains(_workspace.ReadAudit(Workspace.UserSubject("dana")), e => e.Action == "user.add" && e.Actor == "admin");
        Assert.True(_workspace.VerifyAudit().IsIntact);
    }

    [Theory]
    [InlineData("analyst", "", "needs at least one assigned tenant")]
    [InlineData("customer", "acme,globex", "exactly one tenant")]
    [InlineData("admin", "acme", "sees every tenant")]
    [InlineData("root", "", "unknown role")]
    public void A_role_that_does_not_fit_its_tenants_is_refused(string role, string tenants, string reason)
    {
        var list = tenants.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var e = Assert.Throws<ArgumentException>(() => ConsoleAccounts.Add(_workspace, "erin", role, list, "a long password", "admin", iterations: 1000));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Null(_workspace.FindUser("erin"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("<script>")]
    public void An_unusable_account_name_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => ConsoleAccounts.Add(_workspace, name, ConsoleRoles.Admin, [], "a long password", "admin", iterations: 1000));
    }

    [Fact]
    public void A_second_account_of_the_same_name_is_refused()
    {
        ConsoleAccounts.Add(_workspace, "dana", ConsoleRoles.Admin, [], "a long password", "admin", iterations: 1000);
        Assert.Throws<InvalidOperationException>(() => ConsoleAccounts.Add(_workspace, "Dana", ConsoleRoles.Admin, [], "a long password", "admin", iterations: 1000));
    }

    [Fact]
    public void A_token_is_stored_only_as_its_sha256_and_can_be_revoked()
    {
        ConsoleAccounts.Add(_workspace, "bot", ConsoleRoles.Analyst, ["acme"], "a long password", "admin", iterations: 1000);
        var issued = ConsoleAccounts.IssueToken(_workspace, "bot", "ingest", "admin");
        Assert.StartsWith(ConsoleSecrets.TokenPrefix, issued.Secret, StringComparison.Ordinal);
        Assert.True(issued.Secret.Length >= 43 + ConsoleSecrets.TokenPrefix.Length, "256 random bits");
        var stored = _workspace.FindApiToken(ConsoleSecrets.Digest(issued.Secret))!;
        Assert.Equal(issued.Id, stored.Id);
        Assert.NotEqual(issued.Secret, stored.Sha256);
        Assert.DoesNotContain(_workspace.ReadAudit(), e => e.Details.Contains(issued.Secret, StringComparison.Ordinal));
        Assert.True(_workspace.RevokeApiToken(issued.Id, "admin"));
        Assert.NotNull(_workspace.FindApiToken(ConsoleSecrets.Digest(issued.Secret))!.RevokedAt);
    }

    [Fact]
    public void Changing_a_role_ends_the_accounts_sessions()
    {
        ConsoleAccounts.Add(_workspace, "dana", ConsoleRoles.Analyst, ["acme"], "a long password", "admin", iterations: 1000);
        var now = DateTime.UtcNow;
        _workspace.StartSession(new StoredSession(ConsoleSecrets.Digest("s1"), "dana", "csrf", now, now.AddHours(1), null), "127.0.0.1");
        ConsoleAccounts.SetRole(_workspace, "dana", ConsoleRoles.Analyst, ["globex"], "admin");
        Assert.Equal(["globex"], _workspace.FindUser("dana")!.Tenants);
        Assert.NotNull(_workspace.FindSession(ConsoleSecrets.Digest("s1"))!.RevokedAt);
        Assert.Contains(_workspace.ReadAudit(Workspace.UserSubject("dana")), e => e.Action == "user.role");
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _folder.Dispose();
    }
}
