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

        // Opening for write first undoes any ingest a crash interrupted, so the query never sees a partial file.
        Workspace.Open(workspaceFolder).Dispose();
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY;enable_external_access=false;lock_configuration=true");
        connection.Open();
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

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }
}
