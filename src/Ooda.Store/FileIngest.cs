using DuckDB.NET.Data;
using Ooda.Core;
using Ooda.Store.Internal;

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
    private readonly FieldsJson _json = new();
    private bool _finished;

    internal FileIngest(Workspace workspace, DuckDBConnection connection, EvidenceSource source, string format, long size)
    {
        _workspace = workspace;
        _source = source;
        _format = format;
        _size = size;
        Execute("INSERT INTO ingest_runs VALUES ($1, $2, $3, $4, $5)", source.Tenant, source.Host, source.Sha256, source.Path, DateTime.UtcNow);
        _appender = connection.CreateAppender("events");
    }

    /// <summary>Events appended so far.</summary>
    public long Events { get; private set; }

    public void Append(EvidenceEvent e)
    {
        var row = _appender.CreateRow();
        if (e.Timestamp == DateTime.MinValue)
            row.AppendNullValue();
        else
            row.AppendValue(e.Timestamp);
        row.AppendValue(e.Tenant)
            .AppendValue(e.Host)
            .AppendValue(SourceKindNames.Of(e.Kind))
            .AppendValue(e.Channel)
            .AppendValue(e.Provider)
            .AppendValue(e.EventId)
            .AppendValue(e.RecordId)
            .AppendValue(e.Provenance.Sha256);
        if (e.Provenance.Offset >= 0)
            row.AppendValue(e.Provenance.Offset);
        else
            row.AppendNullValue();
        if (e.Provenance.Line > 0)
            row.AppendValue(e.Provenance.Line);
        else
            row.AppendNullValue();
        row.AppendValue(_json.Serialize(e.Fields)).EndRow();
        Events++;
    }

    /// <summary>Flushes the last events and, in one transaction, records the file and its diagnostics and clears its run marker.</summary>
    public IngestedFile Complete(IReadOnlyList<Diagnostic> diagnostics)
    {
        _appender.Close();
        var file = new IngestedFile(_source.Tenant, _source.Host, _source.Sha256, _source.Path, _size, _format, Events, diagnostics.Count, DateTime.UtcNow);
        using var transaction = _workspace.BeginTransaction();
        Execute("INSERT INTO ingested_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            file.Tenant, file.Host, file.Sha256, file.Path, file.Size, file.Format, file.Events, file.Diagnostics, file.IngestedAt);
        if (diagnostics.Count > 0)
        {
            using var appender = _workspace.CreateAppender("diagnostics");
            foreach (var d in diagnostics)
            {
                appender.CreateRow().AppendValue(file.Tenant).AppendValue(file.Host).AppendValue(file.Sha256).AppendValue(d.File)
                    .AppendValue(d.Location).AppendValue(d.Severity.ToString()).AppendValue(d.Message).EndRow();
            }
        }

        ClearRun();
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

        using var transaction = _workspace.BeginTransaction();
        Execute("DELETE FROM events WHERE tenant = $1 AND host = $2 AND file_sha256 = $3", _source.Tenant, _source.Host, _source.Sha256);
        ClearRun();
        transaction.Commit();
    }

    private void ClearRun() =>
        Execute("DELETE FROM ingest_runs WHERE tenant = $1 AND host = $2 AND sha256 = $3", _source.Tenant, _source.Host, _source.Sha256);

    private void Execute(string sql, params object?[] parameters)
    {
        using var command = _workspace.Command(sql, parameters);
        command.ExecuteNonQuery();
    }
}
