using DuckDB.NET.Data;

namespace Ooda.Store;

/// <summary>
/// One appender stream of a file's events. A <see cref="FileIngest"/> may have several, each on its own database
/// connection and used by one thread, so appending — the costliest part of ingest — runs on every core.
/// </summary>
public sealed class EventWriter : IDisposable
{
    // DuckDB's appender flushes by itself every 204,800 rows (100 vectors), whatever their size. With large events
    // that buffer grows to gigabytes, so the writer reopens the appender once this many bytes wait unflushed; small
    // events never reach it, which matters because reopening costs a commit.
    private const long FlushAfterBytes = 128L << 20;
    private const int AppenderFlushRows = 204_800;

    private readonly DuckDBConnection _connection;
    private readonly DuckDBConnection? _ownedConnection;
    private DuckDBAppender _appender;
    private long _bytesSinceFlush;
    private int _rowsSinceFlush;
    private readonly int _fileId;
    private readonly EventBatch _scratch = new();
    private bool _closed;

    internal EventWriter(DuckDBConnection connection, bool ownsConnection, int fileId)
    {
        _connection = connection;
        _ownedConnection = ownsConnection ? connection : null;
        _fileId = fileId;
        _appender = connection.CreateAppender("event_rows");
    }

    /// <summary>Events appended through this writer.</summary>
    public long Events { get; private set; }

    /// <summary>Encodes and appends events (encoding here keeps it on this writer's thread).</summary>
    public void Append(IReadOnlyList<Core.EvidenceEvent> events)
    {
        _scratch.Clear();
        foreach (var e in events)
            _scratch.Add(e);
        Append(_scratch);
    }

    private void Append(EventBatch batch)
    {
        var fileId = _fileId;
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch.Event(i);
            var row = _appender.CreateRow().AppendValue(fileId);
            if (e.Timestamp == DateTime.MinValue)
                row.AppendNullValue();
            else
                row.AppendValue(e.Timestamp);
            row.AppendValue((byte)e.Kind)
                .AppendValue(e.Channel)
                .AppendValue(e.Provider)
                .AppendValue(e.EventId)
                .AppendValue(e.RecordId);
            if (e.Provenance.Offset >= 0)
                row.AppendValue(e.Provenance.Offset);
            else
                row.AppendNullValue();
            if (e.Provenance.Line > 0)
                row.AppendValue(e.Provenance.Line);
            else
                row.AppendNullValue();
            var fields = batch.Fields(i);
            row.AppendValue(fields).EndRow();
            _bytesSinceFlush += fields.Length;
            if (++_rowsSinceFlush == AppenderFlushRows)
            {
                _rowsSinceFlush = 0;
                _bytesSinceFlush = 0;
            }
        }

        Events += batch.Count;
        if (_bytesSinceFlush > FlushAfterBytes)
        {
            _appender.Close();
            _appender = _connection.CreateAppender("event_rows");
            _bytesSinceFlush = 0;
            _rowsSinceFlush = 0;
        }
    }

    /// <summary>Flushes what is buffered; the rows count once the owning <see cref="FileIngest"/> completes.</summary>
    internal void Close()
    {
        if (_closed)
            return;
        _closed = true;
        _appender.Close();
    }

    public void Dispose()
    {
        try
        {
            if (!_closed)
                _appender.Dispose();
        }
        catch (DuckDBException)
        {
            // Only reached on failure paths, where the file's rows are deleted anyway.
        }
        finally
        {
            _closed = true;
            _ownedConnection?.Dispose();
        }
    }
}
