using System.Globalization;
using Ooda.Core;

namespace Ooda.Formats.Evtx;

/// <summary>A problem found while reading a file: where (file offset, chunk, record) and what.</summary>
/// <param name="Offset">Byte offset in the file.</param>
/// <param name="ChunkIndex">The 0-based chunk, or -1 for the file header.</param>
/// <param name="RecordId">The record identifier when known.</param>
public sealed record EvtxDiagnostic(long Offset, int ChunkIndex, ulong? RecordId, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary><c>chunk 3 record 1234: reason</c>.</summary>
    public override string ToString()
    {
        var where = ChunkIndex < 0 ? "file header" : string.Create(CultureInfo.InvariantCulture, $"chunk {ChunkIndex}");
        if (RecordId is { } id)
            where += string.Create(CultureInfo.InvariantCulture, $" record {id}");
        return $"{where}: {Message}";
    }
}
