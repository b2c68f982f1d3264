using System.Text.RegularExpressions;

namespace Ooda.Detection.Webshells.Internal;

/// <summary>
/// A captured file's place under a web root: the path from the root marker on (e.g. <c>FrontEnd\HttpProxy\owa\auth\x.aspx</c>),
/// so that the same page compares equal across servers whatever drive or install folder they use. Build-number folders
/// (<c>15.2.858</c>) read as <c>&lt;build&gt;</c>, so servers on different updates still share them.
/// </summary>
internal sealed partial record WebPath(string Relative, string Folder, string Name, string Extension)
{
    public const string BuildSegment = "<build>";

    /// <summary>The web path of <paramref name="originalPath"/>, or null when it lies under none of <paramref name="roots"/>.</summary>
    public static WebPath? Parse(string originalPath, IReadOnlyList<string> roots)
    {
        var path = originalPath.Replace('/', '\\');
        int best = -1, end = 0;
        foreach (var root in roots)
        {
            var at = path.IndexOf(root.Replace('/', '\\'), StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (best < 0 || at < best))
                (best, end) = (at, at + root.Length);
        }

        // The root itself, or the root folder with nothing under it, is not a file under the root.
        if (best < 0 || path.AsSpan(end).Trim('\\').IsEmpty)
            return null;
        var segments = path[(best + 1)..].Split('\\', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
            return null;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (BuildNumber().IsMatch(segments[i]))
                segments[i] = BuildSegment;
        }

        var name = segments[^1];
        var dot = name.LastIndexOf('.');
        return new WebPath(
            string.Join('\\', segments),
            string.Join('\\', segments[..^1]),
            name,
            dot <= 0 ? "" : name[dot..]);
    }

    /// <summary>Exchange build folders: major.minor.build[.revision], e.g. 15.2.858 or 15.1.2375.7.</summary>
    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}\.\d{1,5}(\.\d{1,5})?$")]
    private static partial Regex BuildNumber();
}
