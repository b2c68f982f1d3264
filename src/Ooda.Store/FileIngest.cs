using DuckDB.NET.Data;
using Ooda.Core;
using Ooda.Store.Internal;

namespace Ooda.Store;

/// <summary>
/// Loads one evidence file in a single transaction: events go through DuckDB's appender, and the file's record
/// and diagnostics are written last, so a file is either wholly in the store or not at all.
/// </summary>
public sealed class FileIngest : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBTransaction _transaction;
    private readonly DuckDBAppender _appender;
    private readonly EvidenceSource _source;
    private readonly string _format;
    private readonly long _size;
    private readonly FieldsJson _json = new();
    private bool _completed;

    internal FileIngest(DuckDBConnection connection, EvidenceSource source, string format, long size)
    {
        _connection = connection;
        _source = source;
        _format = format;
        _size = size;
        _transaction = connection.BeginTransaction();
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

    /// <summary>Writes the file's record and diagnostics and commits everything appended.</summary>
    public IngestedFile Complete(IReadOnlyList<Diagnostic> diagnostics)
    {
        _appender.Close();
        var file = new IngestedFile(_source.Tenant, _source.Host, _source.Sha256, _source.Path, _size, _format, Events, diagnostics.Count, DateTime.UtcNow);
        Execute("INSERT INTO ingested_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            file.Tenant, file.Host, file.Sha256, file.Path, file.Size, file.Format, file.Events, file.Diagnostics, file.IngestedAt);
        if (diagnostics.Count > 0)
        {
            using var appender = _connection.CreateAppender("diagnostics");
            foreach (var d in diagnostics)
            {
                appender.CreateRow().AppendValue(file.Tenant).AppendValue(file.Host).AppendValue(file.Sha256).AppendValue(d.File)
                    .AppendValue(d.Location).AppendValue(d.Severity.ToString()).AppendValue(d.Message).EndRow();
            }
        }

        _transaction.Commit();
        _completed = true;
        return file;
    }

    public void Dispose()
    {
        if (!_completed)
        {
            try
            {
                _appender.Dispose();
            }
            catch (DuckDBException)
            {
                // The appender may fail to flush rows we are about to roll back anyway.
            }

            _transaction.Rollback();
        }

        _transaction.Dispose();
    }

    private void Execute(string sql, params object?[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        command.ExecuteNonQuery();
    }
}
