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
    private readonly List<EventWriter> _writers = [];
    private readonly EvidenceSource _source;
    private readonly string _format;
    private readonly long _size;
    private readonly int _fileId;
    private EventWriter? _mainWriter;
    private bool _finished;

    internal FileIngest(Workspace workspace, EvidenceSource source, string format, long size)
    {
        _workspace = workspace;
        _source = source;
        _format = format;
        _size = size;
        _fileId = workspace.NextFileId();
        Execute("INSERT INTO ingest_runs VALUES ($1, $2, $3, $4, $5, $6)", _fileId, source.Tenant, source.Host, source.Sha256, source.Path, DateTime.UtcNow);
    }

    /// <summary>Events appended so far, through every writer.</summary>
    public long Events
    {
        get
        {
            lock (_writers)
                return _writers.Sum(w => w.Events);
        }
    }

    /// <summary>A writer on its own connection, for one more thread to append this file's events in parallel.</summary>
    public EventWriter CreateWriter()
    {
        var writer = new EventWriter(_workspace.DuplicateConnection(), ownsConnection: true, _fileId);
        lock (_writers)
            _writers.Add(writer);
        return writer;
    }

    /// <summary>Appends one event on the workspace's own connection.</summary>
    public void Append(EvidenceEvent e) => MainWriter.Append([e]);

    /// <summary>Flushes every writer and, in one transaction, records the file and its diagnostics and clears its run marker.</summary>
    public IngestedFile Complete(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var writer in _writers)
            writer.Close();
        var file = new IngestedFile(_source.Tenant, _source.Host, _source.Sha256, _source.Path, _size, _format, Events, diagnostics.Count, DateTime.UtcNow);
        DisposeWriters();
        using var transaction = _workspace.BeginTransaction();
        Execute("INSERT INTO ingested_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            _fileId, file.Tenant, file.Host, file.Sha256, file.Path, file.Size, file.Format, file.Events, file.Diagnostics, file.IngestedAt);
        _workspace.IndexProcesses(_fileId);
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
        DisposeWriters();
        _workspace.UndoIngest(_fileId);
    }

    private EventWriter MainWriter
    {
        get
        {
            if (_mainWriter is null)
            {
                _mainWriter = new EventWriter(_workspace.Connection, ownsConnection: false, _fileId);
                lock (_writers)
                    _writers.Add(_mainWriter);
            }

            return _mainWriter;
        }
    }

    private void DisposeWriters()
    {
        lock (_writers)
        {
            foreach (var writer in _writers)
                writer.Dispose();
        }
    }

    private void Execute(string sql, params object?[] parameters)
    {
        using var command = _workspace.Command(sql, parameters);
        command.ExecuteNonQuery();
    }
}
