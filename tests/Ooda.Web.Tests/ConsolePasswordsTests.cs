namespace Ooda.Web.Tests;

public sealed class ConsolePasswordsTests
{
    [Fact]
    public void A_hash_verifies_its_password_and_no_other()
    {
        var hash = ConsolePasswords.Hash("correct horse battery", 1000);
        Assert.True(ConsolePasswords.Verify("correct horse battery", hash));
        Assert.False(ConsolePasswords.Verify("correct horse batterY", hash));
        Assert.False(ConsolePasswords.Verify(string.Empty, hash));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time_because_of_the_salt()
    {
        Assert.NotEqual(ConsolePasswords.Hash("same password!", 1000), ConsolePasswords.Hash("same password!", 1000));
    }

    [Fact]
    public void The_hash_names_its_scheme_and_cost_and_the_default_cost_is_600000()
    {
        Assert.StartsWith("pbkdf2-sha256$1000$", ConsolePasswords.Hash("x", 1000), StringComparison.Ordinal);
        Assert.Equal(600_000, ConsolePasswords.DefaultIterations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha256$abc$c2FsdA==$aGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$not base64$aGFzaA==")]
    [InlineData("pbkdf2-sha1$1000$c2FsdA==$aGFzaA==")]
    [InlineData("pbkdf2-sha256$99999999999$c2FsdA==$aGFzaA==")]
    public void A_malformed_stored_hash_never_matches(string stored)
    {
        Assert.False(ConsolePasswords.Verify("plain-text-password", stored));
    }

    [Theory]
    [InlineData("short", true)]
    [InlineData("twelve chars", false)]
    public void Short_passwords_are_refused(string password, bool refused)
    {
        Assert.Equal(refused, ConsolePasswords.Problem(password) is not null);
    }
}
