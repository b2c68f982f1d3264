namespace Ooda.Detection.Iocs;

/// <summary>Where an indicator came from: the list file and the line, record index or STIX id inside it.</summary>
/// <param name="File">The list file (or a runbook, a case); empty when unknown.</param>
/// <param name="Location">A 1-based line (<c>12</c>), an entry (<c>Attribute[3]</c>) or a STIX id; empty for the whole file.</param>
public readonly record struct IocSource(string File, string Location)
{
    public static IocSource None => new(string.Empty, string.Empty);

    /// <summary>A source at a 1-based line of a file.</summary>
    public static IocSource AtLine(string file, long line) => new(file, line.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary><c>file:location</c>, the form diagnostics use.</summary>
    public override string ToString() =>
        string.IsNullOrEmpty(Location) ? File ?? string.Empty : $"{File}:{Location}";
}
