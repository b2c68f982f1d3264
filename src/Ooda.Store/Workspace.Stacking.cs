namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>Files indexed per transaction: a cancelled or crashed index run keeps the batches it finished.</summary>
    private const int StackIndexBatch = 4096;

    /// <summary>
    /// Least frequency of occurrence: the values of <see cref="StackQuery.Sources"/> by how many distinct hosts show them,
    /// rarest first, counted by DuckDB. Event values come from the stack index, which this first brings up to date
    /// (<see cref="IndexStack"/>); with <see cref="StackQuery.Where"/> conditions the events themselves are scanned.
    /// </summary>
    public StackResult Stack(StackQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var indexed = 0;
        (string Sql, object?[] Parameters) statement;
        if (query.Where.Count > 0)
        {
            statement = StackSql.Scan(query);
        }
        else
        {
            var keys = new List<string?>();
            foreach (var source in query.Sources)
            {
                if (source.Table == StackTable.CapturedFiles)
                {
                    keys.Add(null);
                    continue;
                }

                indexed += IndexStack(source, cancellationToken);
                keys.Add(StackSql.Key(source));
            }

            statement = StackSql.FromIndex(query, keys);
        }

        using var command = Command(statement.Sql, statement.Parameters);
        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var rows = new List<StackRow>();
        long distinct = 0, events = 0;
        var hosts = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            distinct = reader.GetInt64(0);
            hosts = (int)reader.GetInt64(1);
            events = reader.GetInt64(2);
            if (reader.IsDBNull(3))
                continue;
            var tenants = reader.IsDBNull(9) ? [] : reader.GetFieldValue<List<string>>(9);
            var hostNames = reader.IsDBNull(10) ? [] : reader.GetFieldValue<List<string>>(10);
            rows.Add(new StackRow(
                reader.GetString(3),
                (int)reader.GetInt64(4),
                reader.GetInt64(5),
                reader.IsDBNull(6) ? null : DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                reader.IsDBNull(7) ? null : DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc),
                [.. tenants.Zip(hostNames, (t, h) => new StackHost(t, h))],
                [.. reader.GetFieldValue<List<int>>(8).Select(i => query.Sources[i].Name)]));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new StackResult(rows, distinct, hosts, events, indexed);
    }

    /// <summary>
    /// Extracts an event source's values from every ingested file not yet indexed for it, so stacks read a narrow table
    /// instead of every event's JSON. Ingested files never change, so each file is read once per source definition.
    /// </summary>
    /// <returns>How many files were indexed now.</returns>
    public int IndexStack(StackSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Table != StackTable.Events)
            return 0;
        var key = StackSql.Key(source);
        var pending = new List<int>();
        var (pendingSql, pendingParameters) = StackSql.PendingFiles(key);
        using (var command = Command(pendingSql, pendingParameters))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                pending.Add(reader.GetInt32(0));
        }

        foreach (var batch in pending.Chunk(StackIndexBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = _connection.BeginTransaction();
            var (fillSql, fillParameters) = StackSql.Fill(source, key, batch);
            using (var fill = Command(fillSql, fillParameters))
            using (cancellationToken.Register(fill.Cancel))
                fill.ExecuteNonQuery();
            var (markSql, markParameters) = StackSql.MarkFiles(key, batch);
            using (var mark = Command(markSql, markParameters))
                mark.ExecuteNonQuery();
            transaction.Commit();
        }

        return pending.Count;
    }
}
