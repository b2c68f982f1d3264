namespace Ooda.Core;

/// <summary>A problem found while reading evidence, naming the file and the place in it.</summary>
/// <param name="File">The evidence file.</param>
/// <param name="Location">Line (<c>12</c>), byte offset (<c>@0x1a00</c>) or record (<c>record 42</c>); empty for the whole file.</param>
/// <param name="Message">What went wrong, in one line.</param>
public sealed record Diagnostic(string File, string Location, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary><c>file:location: message</c>, the form compilers use.</summary>
    public override string ToString() =>
        Location.Length == 0 ? $"{File}: {Message}"
        : Location[0] == '@' ? $"{File}{Location}: {Message}"
        : $"{File}:{Location}: {Message}";
}
