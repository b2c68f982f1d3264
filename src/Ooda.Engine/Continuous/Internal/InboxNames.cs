namespace Ooda.Engine.Continuous.Internal;

/// <summary>Which tenant, host and file names the inbox takes: plain names that cannot climb out of their folder or hide.</summary>
internal static class InboxNames
{
    private const int MaxSegmentLength = 64;
    private const int MaxFileNameLength = 200;

    /// <summary>Tenant and host names: 1–64 of letters, digits, <c>. _ -</c>, not starting with a dot.</summary>
    public static string? TenantOrHostProblem(string? name, string what)
    {
        if (string.IsNullOrEmpty(name))
            return $"{what} is empty";
        if (name.Length > MaxSegmentLength)
            return $"{what} is longer than {MaxSegmentLength} characters";
        if (name[0] == '.')
            return $"{what} '{Printable(name)}' starts with a dot";
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? null : $"{what} '{Printable(name)}' has characters other than letters, digits, '.', '_' and '-'";
    }

    /// <summary>
    /// A file (or sub-folder) name: no separators, no control or reserved characters, not hidden, not a partial download
    /// (<c>.tmp</c>, <c>.part</c>, <c>.partial</c>, <c>.crdownload</c>), no trailing dot or space.
    /// </summary>
    public static string? FileNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "file name is empty";
        if (name.Length > MaxFileNameLength)
            return $"file name is longer than {MaxFileNameLength} characters";
        if (name[0] == '.')
            return $"file name '{Printable(name)}' starts with a dot";
        if (name.Any(c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|'))
            return $"file name '{Printable(name)}' has a separator, control or reserved character";
        if (name[^1] is '.' or ' ')
            return $"file name '{Printable(name)}' ends with a dot or space";
        if (IsPartial(name))
            return $"file name '{Printable(name)}' is a partial or temporary file";
        return null;
    }

    /// <summary>Names that copy tools give a file while it is still being written.</summary>
    public static bool IsPartial(string name) =>
        name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase);

    /// <summary>A name fit for an error message: control characters shown as <c>?</c>, clipped.</summary>
    public static string Printable(string name)
    {
        var clipped = name.Length > 80 ? name[..80] + "…" : name;
        return new string([.. clipped.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
