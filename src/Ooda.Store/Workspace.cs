using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Ooda.Core;
using Ooda.Store.Internal;

namespace Ooda.Store;

/// <summary>
/// A workspace folder and its DuckDB store: events, the files they came from, captured files.
/// One writer process at a time (DuckDB's rule); read-only SQL goes through <see cref="WorkspaceSql"/>.
/// </summary>
public sealed partial class Workspace : IDisposable
{
    public const string DatabaseFileName = "ooda.duckdb";

    private readonly DuckDBConnection _connection;

    private Workspace(string folder, DuckDBConnection connection)
    {
        Folder = folder;
        _connection = connection;
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, DatabaseFileName);

    /// <summary>The schema version this workspace is at after opening (the number of migrations applied).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Opens the workspace in <paramref name="folder"/>, creating it and applying pending migrations.</summary>
    public static Workspace Open(string folder, WorkspaceOptions? options = null)
    {
        options ??= WorkspaceOptions.Default;
        if (!MemorySize().IsMatch(options.MemoryLimit))
            throw new ArgumentException($"memory limit '{options.MemoryLimit}' is not a size like 512MB or 2GB", nameof(options));
        Directory.CreateDirectory(folder);
        var settings = $"memory_limit={options.MemoryLimit}" + (options.Threads is { } threads ? $";threads={threads}" : string.Empty);
        var connection = new DuckDBConnection($"Data Source={Path.Combine(folder, DatabaseFileName)};{settings}");
        try
        {
            connection.Open();
            var workspace = new Workspace(Path.GetFullPath(folder), connection);
            workspace.Migrate(options.Progress);
            workspace.UndoInterruptedIngests();
            return workspace;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Generated at build time: constructing a Regex at run time cost every command ~20 ms of start-up.
    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?\\s*[KMGT]i?B$", RegexOptions.IgnoreCase)]
    private static partial Regex MemorySize();

    /// <summary>Files whose ingest was interrupted (a crash or kill) and whose partial events were removed when this workspace opened.</summary>
    public IReadOnlyList<string> UndoneIngests { get; private set; } = [];

    /// <summary>True when this exact file (by SHA-256) was already loaded for this tenant and host.</summary>
    public bool IsIngested(string tenant, string host, string sha256)
    {
        using var command = Command("SELECT count(*) FROM ingested_files WHERE tenant = $1 AND host = $2 AND sha256 = $3", tenant, host, sha256);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Starts loading one file: its events count together on <see cref="FileIngest.Complete"/>, and are removed
    /// if the ingest is disposed first or, after a crash, when the workspace is next opened.
    /// </summary>
    public FileIngest BeginFile(EvidenceSource source, string format, long size) =>
        new(this, source, format, size);

    /// <summary>Records captured files; one already known (same host, path and hash) is not added twice.</summary>
    /// <returns>How many were new.</returns>
    public int AddCapturedFiles(IEnumerable<CapturedFile> files)
    {
        using var transaction = _connection.BeginTransaction();
        var added = 0;
        var now = DateTime.UtcNow;
        foreach (var file in files)
        {
            using var command = Command(
                """
                INSERT INTO captured_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT DO NOTHING
                """,
                file.Tenant, file.Host, file.OriginalPath, file.SourcePath, file.Size, file.Modified, file.Created, file.Sha256, file.FirstBytes, now);
            added += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return added;
    }

    public IReadOnlyList<IngestedFile> ListFiles()
    {
        using var command = Command("SELECT tenant, host, sha256, path, size, format, events, diagnostics, ingested_at FROM ingested_files ORDER BY ingested_at, path");
        using var reader = command.ExecuteReader();
        var files = new List<IngestedFile>();
        while (reader.Read())
        {
            files.Add(new IngestedFile(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetString(5), reader.GetInt64(6), reader.GetInt32(7), reader.GetDateTime(8)));
        }

        return files;
    }

    public IReadOnlyList<StoredDiagnostic> ListDiagnostics(string? sha256 = null)
    {
        using var command = sha256 is null
            ? Command("SELECT tenant, host, file_sha256, path, location, severity, message FROM diagnostics")
            : Command("SELECT tenant, host, file_sha256, path, location, severity, message FROM diagnostics WHERE file_sha256 = $1", sha256);
        using var reader = command.ExecuteReader();
        var list = new List<StoredDiagnostic>();
        while (reader.Read())
        {
            list.Add(new StoredDiagnostic(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }

        return list;
    }

    public WorkspaceStats Stats()
    {
        using var command = Command(
            """
            SELECT (SELECT coalesce(sum(events), 0)::BIGINT FROM ingested_files), (SELECT count(*) FROM ingested_files), (SELECT count(*) FROM captured_files),
                   (SELECT count(*) FROM diagnostics), (SELECT count(DISTINCT tenant) FROM ingested_files),
                   (SELECT count(DISTINCT (tenant, host)) FROM ingested_files), (SELECT min(ts) FROM events), (SELECT max(ts) FROM events)
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new WorkspaceStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            (int)reader.GetInt64(4), (int)reader.GetInt64(5),
            reader.IsDBNull(6) ? null : reader.GetDateTime(6), reader.IsDBNull(7) ? null : reader.GetDateTime(7));
    }

    public void Dispose() => _connection.Dispose();

    internal DuckDBConnection Connection => _connection;

    /// <summary>Another connection to this workspace's database (DuckDB.NET shares one database instance per file within a process).</summary>
    internal DuckDBConnection DuplicateConnection()
    {
        var connection = new DuckDBConnection(_connection.ConnectionString);
        connection.Open();
        return connection;
    }

    internal DuckDBTransaction BeginTransaction() => _connection.BeginTransaction();

    internal DuckDBAppender CreateAppender(string table) => _connection.CreateAppender(table);

    internal DuckDBCommand Command(string sql, params object?[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        return command;
    }

    /// <summary>Removes the partial events of ingests that never completed, so every file is wholly in the store or absent.</summary>
    private void UndoInterruptedIngests()
    {
        var runs = new List<(int FileId, string Path)>();
        using (var read = Command("SELECT file_id, path FROM ingest_runs ORDER BY file_id"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
                runs.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        foreach (var (fileId, _) in runs)
            UndoIngest(fileId);
        UndoneIngests = [.. runs.Select(r => r.Path)];
    }

    /// <summary>Deletes a file's rows and its run marker in one transaction.</summary>
    internal void UndoIngest(int fileId)
    {
        using var transaction = _connection.BeginTransaction();
        using (var delete = Command("DELETE FROM event_rows WHERE file_id = $1", fileId))
            delete.ExecuteNonQuery();
        using (var clear = Command("DELETE FROM ingest_runs WHERE file_id = $1", fileId))
            clear.ExecuteNonQuery();
        transaction.Commit();
    }

    internal int NextFileId()
    {
        using var command = Command("SELECT nextval('file_ids')");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Migrate(Action<string>? progress)
    {
        using (var create = Command("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)"))
            create.ExecuteNonQuery();
        using (var read = Command("SELECT coalesce(max(version), 0) FROM schema_version"))
            SchemaVersion = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (SchemaVersion > Migrations.All.Count)
            throw new InvalidDataException($"workspace {Folder} has schema version {SchemaVersion}, newer than this Ooda knows ({Migrations.All.Count}); upgrade Ooda");

        // A new workspace migrates in milliseconds; only an older one with data is worth a word.
        var upgrading = SchemaVersion > 0 && SchemaVersion < Migrations.All.Count;
        if (upgrading)
            progress?.Invoke($"upgrading workspace {Folder} from schema version {SchemaVersion} to {Migrations.All.Count} (once; a large store takes minutes)");
        for (var version = SchemaVersion; version < Migrations.All.Count; version++)
        {
            var started = Stopwatch.GetTimestamp();
            using var transaction = _connection.BeginTransaction();
            foreach (var statement in Migrations.All[version])
            {
                using var command = Command(statement);
                command.ExecuteNonQuery();
            }

            using (var record = Command("INSERT INTO schema_version VALUES ($1, $2)", version + 1, DateTime.UtcNow))
                record.ExecuteNonQuery();
            transaction.Commit();
            SchemaVersion = version + 1;
            if (upgrading)
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"schema version {SchemaVersion} applied in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        }
    }

    private static string? ReadString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
