using System.Diagnostics;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary>A crash mid-ingest leaves the workspace consistent: every file is wholly in the store or not at all.</summary>
public sealed class IngestCrashTests
{
    private const int SmallLines = 1_000;
    private const int BigLines = 1_500_000;

    [Fact]
    public void Killing_ingest_mid_file_keeps_finished_files_and_leaves_no_partial_file()
    {
        using var dir = new TempDirectory();
        var collection = Path.Combine(dir.Path, "collection");
        SyntheticIisLog.Write(dir.File("collection/acme/EXCH01/a_small.log"), SmallLines, seed: 1);
        SyntheticIisLog.Write(dir.File("collection/acme/EXCH01/b_big.log"), BigLines, seed: 2);
        var workspace = Path.Combine(dir.Path, "ws");

        using (var process = Process.Start(OodaProcess.StartInfo("ingest", collection, "--workspace", workspace, "--json"))!)
        {
            // Wait until the small file is committed, give the big one a moment to be half-written, then kill hard.
            string? line;
            while ((line = process.StandardError.ReadLine()) is not null && !line.Contains("a_small.log", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            Thread.Sleep(700);
            Assert.False(process.HasExited, "ingest finished before it could be killed; make the big file bigger");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        using (var store = Workspace.Open(workspace))
        {
            var files = store.ListFiles();
            var small = Assert.Single(files);
            Assert.EndsWith("a_small.log", small.Path, StringComparison.Ordinal);
            Assert.Equal(SmallLines, small.Events);
            Assert.Equal(SmallLines, store.Stats().Events);
        }

        // The half-written file's rows are physically gone, not merely hidden by the events view.
        Assert.Equal(SmallLines, RawRowCount(workspace));

        // Ingest again: the finished file is not duplicated and the interrupted one now loads completely.
        var (exit, _, stderr) = OodaProcess.Run("ingest", collection, "--workspace", workspace, "--json");
        Assert.True(exit == 0, stderr);
        using var after = Workspace.Open(workspace);
        Assert.Equal(SmallLines + BigLines, after.Stats().Events);
        Assert.Equal(2, after.ListFiles().Count);
        after.Dispose();
        Assert.Equal(SmallLines + BigLines, RawRowCount(workspace));
    }

    private static long RawRowCount(string workspace)
    {
        long count = -1;
        WorkspaceSql.Query(workspace, "SELECT count(*) FROM event_rows", _ => { }, row => count = Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture));
        return count;
    }
}
