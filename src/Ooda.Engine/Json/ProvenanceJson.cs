using System.Text.Json;
using Ooda.Core;

namespace Ooda.Engine.Json;

/// <summary>The <c>provenance</c> object: file, its SHA-256, and the byte offset or line where known.</summary>
public static class ProvenanceJson
{
    public static void Write(Utf8JsonWriter w, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject("provenance");
        w.WriteString("file", provenance.File);
        w.WriteString("sha256", provenance.Sha256);
        if (provenance.Offset >= 0)
            w.WriteNumber("offset", provenance.Offset);
        if (provenance.Line > 0)
            w.WriteNumber("line", provenance.Line);
        w.WriteEndObject();
    }
}
