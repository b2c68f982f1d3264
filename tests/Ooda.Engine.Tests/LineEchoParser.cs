using System.Text;
using Ooda.Core;

namespace Ooda.Engine.Tests;

/// <summary>A test parser for files starting with "ECHO": each further line is one event; "BAD" lines are diagnostics; "CRASH" throws an I/O error.</summary>
internal sealed class LineEchoParser : IEvidenceParser
{
    public string Format => "echo";

    public bool CanParse(ReadOnlySpan<byte> head) => head.StartsWith("ECHO"u8);

    public IEnumerable<EvidenceEvent> Parse(Stream stream, ParseContext context)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine();
        var line = 1;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text == "CRASH")
                throw new IOException("disk went away");
            if (text == "BAD")
            {
                context.ReportLine(line, "bad line");
                continue;
            }

            var fields = new EventFields();
            fields.TryAdd("text", text);
            yield return new EvidenceEvent
            {
                Timestamp = new DateTime(2021, 8, 6, 0, 0, 0, DateTimeKind.Utc).AddSeconds(line),
                Tenant = context.Source.Tenant,
                Host = context.Source.Host,
                Kind = SourceKind.FlatJson,
                Fields = fields,
                Provenance = context.AtLine(line),
            };
        }
    }
}
