namespace Ooda.Investigation.ProcessTrees.Internal;

/// <summary>Windows executable paths as the two logs write them, compared the way Windows does (case-insensitively).</summary>
internal static class ImagePaths
{
    public static string FileName(string? image)
    {
        if (string.IsNullOrEmpty(image))
            return string.Empty;
        var trimmed = image.TrimEnd('\\', '/', ' ');
        var cut = trimmed.LastIndexOfAny(['\\', '/']);
        return cut < 0 ? trimmed : trimmed[(cut + 1)..];
    }

    /// <summary>
    /// True when two logged images can be the same executable: equal paths, or equal file names when one path is not
    /// rooted at a drive letter (<c>\Device\HarddiskVolume2\…</c>, a bare name). An unknown image matches anything.
    /// </summary>
    public static bool Same(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
            return true;
        var left = Normal(a);
        var right = Normal(b);
        if (string.Equals(left, right, StringComparison.OrdinalIgnoreCase))
            return true;
        return (!HasDrive(left) || !HasDrive(right)) && string.Equals(FileName(left), FileName(right), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="image"/> is <paramref name="wanted"/> by file name, or by full path when a path is wanted.</summary>
    public static bool Matches(string image, string wanted) =>
        wanted.Contains('\\', StringComparison.Ordinal) || wanted.Contains('/', StringComparison.Ordinal)
            ? Same(image, wanted) && image.Length > 0
            : string.Equals(FileName(image), wanted.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string path)
    {
        var p = path.Trim().Trim('"');
        if (p.StartsWith(@"\??\", StringComparison.Ordinal))
            p = p[4..];
        return p;
    }

    private static bool HasDrive(string path) => path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/';
}
