using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary>Bad input gets exit code 2 and one line on stderr, never a stack trace.</summary>
public sealed class CliErrorTests
{
    [Theory]
    [InlineData("ingest", "/nonexistent/ooda-evidence")]
    [InlineData("ingest")]
    [InlineData("events", "--workspace", "/nonexistent/ooda-ws")]
    [InlineData("events", "--from", "yesterday-ish")]
    [InlineData("events", "--where", "novalue")]
    [InlineData("events", "--event-id", "12x")]
    [InlineData("no-such-command")]
    [InlineData("sql", "--workspace", "/nonexistent/ooda-ws", "SELECT 1")]
    public void Bad_input_exits_2_with_one_line(params string[] args)
    {
        using var dir = new TempDirectory();
        var withWorkspace = args.Contains("--workspace") ? args : [.. args, "--workspace", dir.Path];
        var (exit, _, stderr) = OodaProcess.Run(withWorkspace);
        Assert.Equal(2, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, stderr);
        Assert.StartsWith("ooda: ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_file_needs_tenant_and_host()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("x.log"), SyntheticIisLog.Header);
        var (exit, _, stderr) = OodaProcess.Run("ingest", dir.File("x.log"), "--workspace", Path.Combine(dir.Path, "ws"));
        Assert.Equal(2, exit);
        Assert.Contains("--tenant", stderr, StringComparison.Ordinal);
    }
}
