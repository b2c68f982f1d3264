using Ooda.Core;

namespace Ooda.Engine.Ingest;

/// <summary>
/// The parsers ingest sniffs with, in order: formats with unmistakable signatures first, loose ones (JSON, CSV) last.
/// Loose formats are not tried inside captured-file trees, where a config file starting with '{' is not evidence.
/// </summary>
public sealed class EvidenceParsers
{
    public const int SniffLength = 4096;

    private readonly IReadOnlyList<IEvidenceParser> _strict;
    private readonly IReadOnlyList<IEvidenceParser> _loose;

    public EvidenceParsers(IReadOnlyList<IEvidenceParser> strict, IReadOnlyList<IEvidenceParser> loose)
    {
        _strict = strict;
        _loose = loose;
    }

    /// <summary>Every format Ooda reads.</summary>
    public static EvidenceParsers Default { get; } = new(
        [
            new Formats.Evtx.EvtxEvidenceParser(),
            new Formats.Text.ExchangeCsvLogParser(),
            new Formats.Text.W3cLogParser(),
        ],
        [
            new Formats.Text.WindowsJsonEventParser(),
            new Formats.Text.IisLegacyLogParser(),
            new Formats.Text.CsvEventParser(),
        ]);

    /// <summary>The parser for a file whose first bytes are <paramref name="head"/>, or null.</summary>
    public IEvidenceParser? Find(ReadOnlySpan<byte> head, bool capturedFile)
    {
        foreach (var parser in _strict)
        {
            if (parser.CanParse(head))
                return parser;
        }

        if (capturedFile)
            return null;
        foreach (var parser in _loose)
        {
            if (parser.CanParse(head))
                return parser;
        }

        return null;
    }
}
