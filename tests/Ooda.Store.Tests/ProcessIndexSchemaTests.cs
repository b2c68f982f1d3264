using System.Globalization;
using DuckDB.NET.Data;
using Ooda.Core;
using Ooda.Store.Internal;
using Ooda.Testing;

namespace Ooda.Store.Tests;

/// <summary>The process index (migration 9): filled when a file completes, and once for the files of an older workspace.</summary>
public sealed class ProcessIndexSchemaTests
{
    private const string Tenant = "acme";
    private const string Host = "EXCH01";
    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";
    private const string Guid1 = "2DD6150A-0000-610E-B762-000000000001";
    private const string Guid2 = "2DD6150A-0000-610E-B762-000000000002";
    private static readonly DateTime _t0 = new(2021, 8, 7, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_file_is_indexed_when_it_completes_and_a_file_never_completed_leaves_no_index_rows()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var query = new ProcessEventQuery { Tenant = Tenant, Host = Host };
        using (var ingest = workspace.BeginFile(Source("sysmon.jsonl", 'a'), "test", 1))
        {
            ingest.Append(SysmonStart(0, 2196, Guid2, "cmd.exe /c whoami", Guid1));
            ingest.Append(Event(Sysmon, 3, 1, ("ProcessId", "2196"), ("DestinationPort", "445")));
            Assert.Empty(workspace.QueryProcessEvents(query).Events);
            ingest.Complete([]);
        }

        using (var abandoned = workspace.BeginFile(Source("security.jsonl", 'b'), "test", 1))
            abandoned.Append(Event("Security", 4688, 2, ("NewProcessId", "0x10"), ("NewProcessName", @"C:\x\y.exe")));

        var e = Assert.Single(workspace.QueryProcessEvents(query).Events);
        Assert.Equal((1, Guid2, Guid1, 2196L, "cmd.exe /c whoami"), (e.EventId, e.ProcessGuid, e.ParentProcessGuid, e.ProcessId!.Value, e.CommandLine));
        Assert.Equal(1, IndexRows(workspace));
    }

    [Fact]
    public void Migrating_an_older_workspace_indexes_every_ingested_file_once_and_no_interrupted_one()
    {
        using var dir = new TempDirectory();
        var database = Path.Combine(dir.Path, Workspace.DatabaseFileName);
        using (var connection = new DuckDBConnection($"Data Source={database}"))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)");
            for (var version = 0; version < 8; version++)
            {
                foreach (var statement in Migrations.All[version])
                    Execute(connection, statement);
                Execute(connection, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_version VALUES ({version + 1}, now())"));
            }

            // File 1 was ingested before the index existed; file 2's ingest was interrupted (only its run marker and rows remain).
            Execute(connection, $"INSERT INTO ingested_files VALUES (1, '{Tenant}', '{Host}', '{new string('a', 64)}', 'sysmon.jsonl', 1, 'test', 3, 0, now())");
            Execute(connection, $"INSERT INTO ingest_runs VALUES (2, '{Tenant}', '{Host}', '{new string('b', 64)}', 'security.jsonl', now())");
            Row(connection, 1, 0, Sysmon, 1, $$"""{"ProcessGuid":"{{{Guid2}}}","ProcessId":"2196","ParentProcessGuid":"{{{Guid1}}}","ParentProcessId":"4684","Image":"C:\\Windows\\System32\\cmd.exe","CommandLine":"cmd.exe /c whoami","UtcTime":"2021-08-07 03:00:00.000"}""");
            Row(connection, 1, 5, Sysmon, 5, $$"""{"ProcessGuid":"{{{Guid2}}}","ProcessId":"2196","Image":"C:\\Windows\\System32\\cmd.exe"}""");
            Row(connection, 1, 6, Sysmon, 3, """{"ProcessId":"2196","DestinationPort":"445"}""");
            Row(connection, 2, 7, "Security", 4688, """{"NewProcessId":"0x10","NewProcessName":"C:\\x\\y.exe","ProcessId":"0x4"}""");
        }

        var query = new ProcessEventQuery { Tenant = Tenant, Host = Host };
        var progress = new List<string>();
        using (var workspace = Workspace.Open(dir.Path, new WorkspaceOptions(Progress: progress.Add)))
        {
            Assert.True(workspace.SchemaVersion >= 9);
            // The user waiting on a big store is told what happens: the upgrade, then each version as it lands.
            Assert.StartsWith($"upgrading workspace {Path.GetFullPath(dir.Path)} from schema version 8 to {workspace.SchemaVersion}", progress[0]);
            Assert.Equal(Enumerable.Range(9, workspace.SchemaVersion - 8).Select(v => $"schema version {v} applied in"),
                progress.Skip(1).Select(m => m[..m.IndexOf(" in ", StringComparison.Ordinal)] + " in"));
            var events = workspace.QueryProcessEvents(query).Events.OrderBy(e => e.Timestamp).ToList();
            Assert.Equal([1, 5], events.Select(e => e.EventId));
            Assert.Equal(("cmd.exe /c whoami", Guid1, 4684L, _t0), (events[0].CommandLine, events[0].ParentProcessGuid, events[0].ParentProcessId!.Value, events[0].ProcessTime!.Value));
            Assert.Equal("sysmon.jsonl", events[0].File);
            Assert.Equal(2, IndexRows(workspace));
        }

        progress.Clear();
        using var reopened = Workspace.Open(dir.Path, new WorkspaceOptions(Progress: progress.Add));
        Assert.Equal(2, IndexRows(reopened));
        Assert.Empty(progress);
    }

    private static long IndexRows(Workspace workspace)
    {
        using var command = workspace.Command("SELECT count(*) FROM process_events");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Row(DuckDBConnection connection, int fileId, int seconds, string channel, int eventId, string fields)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO event_rows VALUES ($1, $2, 1, $3, NULL, $4, $5, NULL, $5, encode($6))";
        foreach (var value in new object[] { fileId, _t0.AddSeconds(seconds), channel, eventId, (long)(seconds + 1), fields })
            command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }

    private static EvidenceSource Source(string path, char hash) => new(path, new string(hash, 64), Tenant, Host);

    private static EvidenceEvent SysmonStart(int seconds, long pid, string guid, string commandLine, string parentGuid) =>
        Event(Sysmon, 1, seconds, ("ProcessGuid", "{" + guid + "}"), ("ProcessId", pid.ToString(CultureInfo.InvariantCulture)),
            ("Image", @"C:\Windows\System32\cmd.exe"), ("CommandLine", commandLine), ("ParentProcessGuid", "{" + parentGuid + "}"));

    private static EvidenceEvent Event(string channel, int eventId, int seconds, params (string Name, string Value)[] fields)
    {
        var map = new EventFields();
        foreach (var (name, value) in fields)
            map.TryAdd(name, value);
        return new EvidenceEvent
        {
            Timestamp = _t0.AddSeconds(seconds),
            Tenant = Tenant,
            Host = Host,
            Kind = SourceKind.WindowsEvent,
            Channel = channel,
            EventId = eventId,
            RecordId = seconds + 1,
            Fields = map,
            Provenance = new Provenance("logs/x.jsonl", new string('0', 64), -1, seconds + 1),
        };
    }
}
