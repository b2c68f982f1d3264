namespace Ooda.Sigma.Internal;

/// <summary>
/// What a value must be for a translated test to decide it in SQL exactly as .NET would; any other value leaves the
/// test unknown and the event is decided in memory (<see cref="SqlGuards"/> writes the check).
/// </summary>
[Flags]
internal enum SqlValueGuard
{
    None = 0,
    /// <summary>No character outside the Basic Multilingual Plane (.NET matches UTF-16 units, DuckDB code points).</summary>
    Bmp = 1,
    /// <summary>ASCII only (what neither engine's Unicode tables can be trusted to agree on, e.g. \w under case folding).</summary>
    Ascii = 2,
    /// <summary>No final newline (.NET's <c>$</c> also matches before one; RE2's does not).</summary>
    NoFinalNewline = 4,
    /// <summary>No non-ASCII word character (RE2's <c>\b</c> knows only ASCII words).</summary>
    AsciiWords = 8,
    /// <summary>No character that case-folds to ASCII in one engine but not the other (e.g. the Kelvin sign, dotted I).</summary>
    CaseFolding = 16,
}
