using DuckDB.NET.Data;

namespace Ooda.Store;

/// <summary>
/// Read-only SQL over a workspace, the way analysts hunt with SQL. The connection is opened read-only with
/// file access disabled and the configuration locked, so a query can neither change the store nor read or write other files.
/// </summary>
public static class WorkspaceSql
{
    /// <summary>Runs one query and streams its rows to <paramref name="onRow"/>; the columns come first through <paramref name="onColumns"/>.</summary>
    /// <exception cref="SqlRejectedException">The query tried to write, touch files, or is not valid SQL.</exception>
    public static void Query(string workspaceFolder, string sql, Action<IReadOnlyList<string>> onColumns, Action<object?[]> onRow, CancellationToken cancellationToken = default)
    {
        var database = Path.Combine(workspaceFolder, Workspace.DatabaseFileName);
        if (!File.Exists(database))
            throw new SqlRejectedException($"no workspace store at {database}; run 'ooda ingest' first");

        // DuckDB.NET shares one database per file within a process and applies connection settings only when it first opens
        // the file: inside a process that already holds the workspace read-write (ooda serve), this connection would not be
        // sandboxed, and opening for write would undo that process's ingests in flight. Refuse there, before anything else.
        OpenSandboxed(database).Dispose();

        // Opening for write first undoes any ingest a crash interrupted, so the query never sees a partial file.
        Workspace.Open(workspaceFolder).Dispose();
        using var connection = OpenSandboxed(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        DuckDBDataReader reader;
        try
        {
            reader = (DuckDBDataReader)command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            throw new SqlRejectedException(FirstLine(e.Message), e);
        }

        using (reader)
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            onColumns(columns);
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = new object?[columns.Length];
                for (var i = 0; i < row.Length; i++)
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                onRow(row);
            }
        }
    }

    /// <summary>A read-only connection with file access off and the configuration locked, checked to be so.</summary>
    private static DuckDBConnection OpenSandboxed(string database)
    {
        var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY;enable_external_access=false;lock_configuration=true");
        try
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "SELECT current_setting('access_mode'), current_setting('enable_external_access')::VARCHAR, current_setting('lock_configuration')::VARCHAR";
            using var reader = check.ExecuteReader();
            reader.Read();
            var sandboxed = string.Equals(reader.GetString(0), "read_only", StringComparison.OrdinalIgnoreCase)
                && string.Equals(reader.GetString(1), "false", StringComparison.OrdinalIgnoreCase)
                && string.Equals(reader.GetString(2), "true", StringComparison.OrdinalIgnoreCase);
            if (!sandboxed)
                throw new SqlRejectedException("the workspace is already open read-write in this process, so SQL could not be sandboxed; run SQL (and SQL hunts) from a process of its own, e.g. `ooda sql` or `ooda hunt --store`");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }
}
