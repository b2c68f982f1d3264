using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ooda.Formats.Text.Tests;

/// <summary>Serializer options that write JSON the way the evtx crate does: non-ASCII and HTML characters unescaped.</summary>
internal static class JsonLineOptions
{
    public static JsonSerializerOptions Relaxed { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
