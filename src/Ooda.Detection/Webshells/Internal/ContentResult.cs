namespace Ooda.Detection.Webshells.Internal;

/// <summary>What <see cref="ContentScanner"/> found in a file's first bytes.</summary>
/// <param name="Head">Up to the first 16 bytes.</param>
/// <param name="Hits">Patterns found, each with the byte offset of its first match.</param>
/// <param name="BytesRead">Bytes examined.</param>
/// <param name="Truncated">The file was longer than the bound; the rest was not examined.</param>
internal sealed record ContentResult(byte[] Head, IReadOnlyList<(WebshellPattern Pattern, long Offset)> Hits, int BytesRead, bool Truncated);
