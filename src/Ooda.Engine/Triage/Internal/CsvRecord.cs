namespace Ooda.Engine.Triage.Internal;

/// <summary>One CSV record, or why the line at <see cref="Line"/> could not be read as one.</summary>
/// <param name="Fields">The fields; null when <see cref="Error"/> says what was wrong.</param>
/// <param name="Line">The physical line the record starts on, 1-based.</param>
internal readonly record struct CsvRecord(string[]? Fields, int Line, string? Error);
