using Ooda.Cli.Commands;
using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary>
/// Which <c>evtx dump</c> command lines skip building the command tree: plain, valid ones run straight away; anything
/// Spectre must judge (help, errors, other spellings) is left to it, so its messages and exit codes stay as they were.
/// </summary>
public sealed class EvtxDumpFastPathTests
{
    [Fact]
    public void Plain_valid_arguments_are_read_as_the_command_would_read_them()
    {
        using var dir = new TempDirectory();
        var file = dir.File("a.evtx");
        File.WriteAllBytes(file, [1]);

        var plain = EvtxDumpFastPath.TryParse(["evtx", "dump", file]);
        Assert.Equivalent(new EvtxDumpSettings { File = file, Format = "jsonl" }, plain);
        var full = EvtxDumpFastPath.TryParse(["evtx", "dump", "--format", "xml", file, "--threads", "2", "--recover"]);
        Assert.Equivalent(new EvtxDumpSettings { File = file, Format = "xml", Threads = 2, Recover = true }, full);
        Assert.Equal("JSON", EvtxDumpFastPath.TryParse(["evtx", "dump", "-f", "JSON", file])!.Format);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--threads", "0")]
    [InlineData("--threads", "-1")]
    [InlineData("--threads", "99999999999")]
    [InlineData("--format", "csv")]
    [InlineData("--format=jsonl")]
    [InlineData("--recover", "true")]
    [InlineData("--recover", "--recover")]
    [InlineData("--format", "xml", "--format", "json")]
    [InlineData("--unknown")]
    [InlineData("second.evtx")]
    public void Anything_else_is_left_to_spectre(params string[] extra)
    {
        using var dir = new TempDirectory();
        var file = dir.File("a.evtx");
        File.WriteAllBytes(file, [1]);
        Assert.Null(EvtxDumpFastPath.TryParse(["evtx", "dump", file, .. extra]));
    }

    [Fact]
    public void A_missing_file_or_another_command_is_left_to_spectre()
    {
        using var dir = new TempDirectory();
        Assert.Null(EvtxDumpFastPath.TryParse(["evtx", "dump", dir.File("missing.evtx")]));
        Assert.Null(EvtxDumpFastPath.TryParse(["evtx", "dump"]));
        Assert.Null(EvtxDumpFastPath.TryParse(["hunt", "dump", dir.Path]));
        Assert.Null(EvtxDumpFastPath.TryParse([]));
    }
}
