namespace Ooda.Core;

/// <summary>Where an event was read: the file, its SHA-256, and the byte offset or line inside it.</summary>
/// <param name="File">Path of the evidence file as given to ingest.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the whole file.</param>
/// <param name="Offset">Byte offset of the record in the file, or -1 when not known.</param>
/// <param name="Line">1-based line number for text formats, or 0 for binary formats.</param>
public readonly record struct Provenance(string File, string Sha256, long Offset, long Line)
{
    /// <summary>A short human location: <c>file:line</c> or <c>file@0x1a2b</c>.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}" : Offset >= 0 ? $"{File}@0x{Offset:x}" : File;
}
