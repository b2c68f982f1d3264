namespace Ooda.Formats.Text;

/// <summary>Limits shared by the text parsers; they keep memory flat whatever the input.</summary>
/// <param name="MaxLineLength">A longer line is skipped (streamed past, never buffered) and reported.</param>
/// <param name="MaxJsonValueLength">A longer JSON value is skipped (streamed past, never buffered) and reported.</param>
/// <param name="MaxCsvRecordLines">How many physical lines one quoted CSV record may span in <see cref="CsvEventParser"/>.</param>
public sealed record TextParserOptions(
    int MaxLineLength = TextParserOptions.DefaultMaxLineLength,
    int MaxJsonValueLength = TextParserOptions.DefaultMaxJsonValueLength,
    int MaxCsvRecordLines = 1000)
{
    public const int DefaultMaxLineLength = 1 << 20;

    public const int DefaultMaxJsonValueLength = 16 << 20;

    public static TextParserOptions Default { get; } = new();
}
