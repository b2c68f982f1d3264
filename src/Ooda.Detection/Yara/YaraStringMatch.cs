namespace Ooda.Detection.Yara;

/// <summary>One place a rule's string matched.</summary>
/// <param name="Identifier">The string's identifier, e.g. <c>$s1</c>.</param>
/// <param name="Offset">Byte offset of the match in the scanned data.</param>
/// <param name="Length">Length of the match in bytes.</param>
/// <param name="Data">The matched bytes, clipped to <see cref="YaraScanOptions.MaxDataBytes"/>.</param>
public sealed record YaraStringMatch(string Identifier, long Offset, int Length, byte[] Data);
