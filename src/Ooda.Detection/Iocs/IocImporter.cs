using Ooda.Core;

namespace Ooda.Detection.Iocs;

/// <summary>Reads any IOC list, choosing the format from its content (JSON) or its name (CSV, signature-base text).</summary>
public static class IocImporter
{
    /// <summary>
    /// A STIX bundle (<c>"type": "bundle"</c>), MISP event JSON (<c>"Event"</c>/<c>"response"</c>), a <c>.csv</c> list, or a
    /// signature-base text list named as its README says; anything else is reported, not guessed.
    /// </summary>
    public static IocImport ReadFile(string path, IocImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var head = new byte[4096];
        int read;
        using (var probe = File.OpenRead(path))
            read = probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.UTF8.GetString(head, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            if (text.Contains("\"bundle\"", StringComparison.Ordinal) || text.Contains("\"indicator\"", StringComparison.Ordinal))
                return StixImporter.ReadFile(path, options);
            if (text.Contains("\"Event\"", StringComparison.Ordinal) || text.Contains("\"Attribute\"", StringComparison.Ordinal))
                return MispImporter.ReadFile(path, options);
            return Unknown(path, "JSON that is neither a STIX bundle nor MISP event JSON");
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return CsvIocImporter.ReadFile(path, options);
        if (SignatureBaseImporter.ListFromFileName(path) is { } list)
            return SignatureBaseImporter.ReadFile(path, list, options);
        return Unknown(path, "not a recognised IOC list (STIX or MISP JSON, .csv, or a signature-base list with hash, filename, c2 or keyword in its name)");
    }

    private static IocImport Unknown(string path, string message) =>
        new(path, IocSet.Empty, [new Diagnostic(path, string.Empty, message)], 0, 0, 0);
}
