using DuckDB.NET.Data;
using Ooda.Core;

namespace Ooda.Store;

/// <summary>
/// Loads one evidence file. Events stream through DuckDB's appender, which commits in chunks so memory stays flat
/// whatever the file's size; the file counts as ingested only when <see cref="Complete"/> writes its record. Until then
/// an <c>ingest_runs</c> row marks it, and a crash leaves that row for the next <see cref="Workspace.Open"/> to undo.
/// </summary>
public sealed class FileIngest : IDisposable
{
    private readonly Workspace _workspace;
    private readonly DuckDBAppender _appender;
    private readonly EvidenceSource _source;
    private readonly string _format;
    private readonly long _size;
    private readonly int _fileId;
    private EventBatch? _single;
    private bool _finished;

    internal FileIngest(Workspace workspace, EvidenceSource source, string format, long size)
    {
        _workspace = workspace;
        _source = source;
        _format = format;
        _size = size;
        _fileId = workspace.NextFileId();
        Execute("INSERT INTO ingest_runs VALUES ($1, $2, $3, $4, $5, $6)", _fileId, source.Tenant, source.Host, source.Sha256, source.Path, DateTime.UtcNow);
        _appender = workspace.CreateAppender("event_rows");
    }

    /// <summary>Events appended so far.</summary>
    public long Events { get; private set; }

    /// <summary>Appends one event; for volume, fill an <see cref="EventBatch"/> on another thread and append that.</summary>
    public void Append(EvidenceEvent e)
    {
        _single ??= new EventBatch();
        _single.Clear();
        _single.Add(e);
        Append(_single);
    }

    public void Append(EventBatch batch)
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
            row.AppendValue(batch.Fields(i)).EndRow();
        }

        Events += batch.Count;
    }

    /// <summary>Flushes the last events and, in one transaction, records the file and its diagnostics and clears its run marker.</summary>
    public IngestedFile Complete(IReadOnlyList<Diagnostic> diagnostics)
    {
        _appender.Close();
        var file = new IngestedFile(_source.Tenant, _source.Host, _source.Sha256, _source.Path, _size, _format, Events, diagnostics.Count, DateTime.UtcNow);
        using var transaction = _workspace.BeginTransaction();
        Execute("INSERT INTO ingested_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            _fileId, file.Tenant, file.Host, file.Sha256, file.Path, file.Size, file.Format, file.Events, file.Diagnostics, file.IngestedAt);
        if (diagnostics.Count > 0)
        {
            using var appender = _workspace.CreateAppender("diagnostics");
            foreach (var d in diagnostics)
            {
                appender.CreateRow().AppendValue(file.Tenant).AppendValue(file.Host).AppendValue(file.Sha256).AppendValue(d.File)
                    .AppendValue(d.Location).AppendValue(d.Severity.ToString()).AppendValue(d.Message).EndRow();
            }
        }

        Execute("DELETE FROM ingest_runs WHERE file_id = $1", _fileId);
        transaction.Commit();
        _finished = true;
        return file;
    }

    /// <summary>Without <see cref="Complete"/>, removes whatever of this file was appended.</summary>
    public void Dispose()
    {
        if (_finished)
            return;
        _finished = true;
        try
        {
            _appender.Dispose();
        }
        catch (DuckDBException)
        {
            // Rows the appender could not flush are rows we are about to delete anyway.
        }

        _workspace.UndoIngest(_fileId);
    }

    private void Execute(string sql, params object?[] parameters)
    {
        using var command = _workspace.Command(sql, parameters);
        command.ExecuteNonQuery();
    }
}
