using Ooda.Core;
using Ooda.Testing;

namespace Ooda.Store.Tests;

public sealed class WorkspaceTests
{
    private static readonly EvidenceSource _source = new("logs/a.log", new string('a', 64), "acme", "EXCH01");

    [Fact]
    public void Creates_a_new_workspace_at_the_latest_schema_version_and_reopens_without_migrating_again()
    {
        using var dir = new TempDirectory();
        int version;
        var progress = new List<string>();
        using (var first = Workspace.Open(dir.Path, new WorkspaceOptions(Progress: progress.Add)))
            version = first.SchemaVersion;
        using var second = Workspace.Open(dir.Path, new WorkspaceOptions(Progress: progress.Add));
        Assert.True(version >= 1);
        Assert.Empty(progress); // a new workspace is no upgrade worth announcing
        Assert.Equal(version, second.SchemaVersion);
        Assert.Equal(0, second.Stats().Events);
    }

    [Fact]
    public void The_stored_source_kind_names_agree_with_the_code_for_every_kind()
    {
        using var dir = new TempDirectory();
        Workspace.Open(dir.Path).Dispose();
        var stored = new Dictionary<int, string>();
        WorkspaceSql.Query(dir.Path, "SELECT code, name FROM source_kinds", _ => { }, row => stored.Add(Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture), (string)row[1]!));
        foreach (var kind in Enum.GetValues<SourceKind>())
            Assert.Equal(SourceKindNames.Of(kind), stored[(int)kind]);
    }

    [Fact]
    public void A_completed_file_is_stored_with_its_events_and_diagnostics()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        using (var ingest = workspace.BeginFile(_source, "test", 123))
        {
            ingest.Append(Event(1, "CommandLine", "whoami /all"));
            ingest.Append(Event(2, "CommandLine", "net user x /add"));
            ingest.Complete([new Diagnostic("logs/a.log", "3", "bad line")]);
        }

        Assert.True(workspace.IsIngested("acme", "EXCH01", _source.Sha256));
        Assert.False(workspace.IsIngested("acme", "DC01", _source.Sha256));
        var stats = workspace.Stats();
        Assert.Equal(2, stats.Events);
        Assert.Equal(1, stats.Files);
        Assert.Equal(1, stats.Diagnostics);
        var file = Assert.Single(workspace.ListFiles());
        Assert.Equal(2, file.Events);
        Assert.Equal("bad line", Assert.Single(workspace.ListDiagnostics()).Message);
    }

    [Fact]
    public void A_file_disposed_before_completion_leaves_nothing_behind()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        using (var ingest = workspace.BeginFile(_source, "test", 123))
        {
            for (var i = 0; i < 5000; i++)
                ingest.Append(Event(i, "CommandLine", "x"));
        }

        Assert.False(workspace.IsIngested("acme", "EXCH01", _source.Sha256));
        Assert.Equal(0, workspace.Stats().Events);
        workspace.Dispose();
        long rows = -1;
        WorkspaceSql.Query(dir.Path, "SELECT count(*) FROM event_rows", _ => { }, row => rows = Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, rows);
    }

    [Fact]
    public void Queries_events_by_host_time_channel_id_and_field_with_provenance()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        using (var ingest = workspace.BeginFile(_source, "test", 1))
        {
            ingest.Append(Event(1, "CommandLine", "C:\\Windows\\system32\\cmd.exe /c whoami") with { EventId = 4688 });
            ingest.Append(Event(2, "CommandLine", "notepad.exe") with { EventId = 4688 });
            ingest.Append(Event(3, "TargetUserName", "admin") with { EventId = 4624 });
            ingest.Complete([]);
        }

        var hits = workspace.QueryEvents(new EventQuery
        {
            Host = "exch01",
            Channel = "security",
            EventIds = [4688],
            From = _base.AddSeconds(1),
            Fields = [FieldFilter.Parse("commandline=*WHOAMI")],
        }).ToList();

        var hit = Assert.Single(hits);
        Assert.Equal("C:\\Windows\\system32\\cmd.exe /c whoami", hit.Fields["CommandLine"]);
        Assert.Equal(_base.AddSeconds(1), hit.Timestamp);
        Assert.Equal(DateTimeKind.Utc, hit.Timestamp.Kind);
        Assert.Equal(new Provenance("logs/a.log", _source.Sha256, -1, 1), hit.Provenance);
        Assert.Equal(2, workspace.QueryEvents(new EventQuery { Fields = [FieldFilter.Parse("CommandLine!=notepad*")] }).Count());
        Assert.Equal(2, workspace.QueryEvents(new EventQuery { Limit = 2 }).Count());
    }

    [Fact]
    public void Captured_files_are_recorded_once()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var file = new CapturedFile("acme", "EXCH01", "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx", "fs/C/x", 10, _base, _base, new string('b', 64), [0x3c, 0x25]);
        Assert.Equal(1, workspace.AddCapturedFiles([file]));
        Assert.Equal(0, workspace.AddCapturedFiles([file]));
        Assert.Equal(1, workspace.Stats().CapturedFiles);
    }

    private static readonly DateTime _base = new(2021, 8, 6, 10, 0, 0, DateTimeKind.Utc);

    private static EvidenceEvent Event(int line, string field, string value)
    {
        var fields = new EventFields();
        fields.TryAdd(field, value);
        return new EvidenceEvent
        {
            Timestamp = _base.AddSeconds(line),
            Tenant = "acme",
            Host = "EXCH01",
            Kind = SourceKind.WindowsEvent,
            Channel = "Security",
            Provider = "Microsoft-Windows-Security-Auditing",
            EventId = 4688,
            RecordId = line,
            Fields = fields,
            Provenance = new Provenance("logs/a.log", _source.Sha256, -1, line),
        };
    }
}
