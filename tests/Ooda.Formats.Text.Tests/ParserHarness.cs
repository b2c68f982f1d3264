using System.Text;
using Ooda.Core;
using Ooda.Testing;

namespace Ooda.Formats.Text.Tests;

/// <summary>Runs a parser over bytes or text and collects its events and diagnostics.</summary>
internal static class ParserHarness
{
    public static (List<EvidenceEvent> Events, List<Diagnostic> Diagnostics) Run(IEvidenceParser parser, string text) =>
        Run(parser, Encoding.UTF8.GetBytes(text));

    public static (List<EvidenceEvent> Events, List<Diagnostic> Diagnostics) Run(IEvidenceParser parser, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Run(parser, stream);
    }

    public static (List<EvidenceEvent> Events, List<Diagnostic> Diagnostics) Run(IEvidenceParser parser, Stream stream, string path = "test.log")
    {
        var diagnostics = new List<Diagnostic>();
        var events = parser.Parse(stream, TestSources.Context(diagnostics, path)).ToList();
        return (events, diagnostics);
    }

    public static (List<EvidenceEvent> Events, List<Diagnostic> Diagnostics) RunFile(IEvidenceParser parser, string path)
    {
        using var stream = File.OpenRead(path);
        return Run(parser, stream, path);
    }

    public static string Errors(List<Diagnostic> diagnostics) => string.Join('\n', diagnostics);
}
