using Ooda.Core;

namespace Ooda.Engine.Internal;

/// <summary>
/// Walks an evidence collection (DESIGN.md §2): <c>&lt;tenant&gt;/&lt;host&gt;/…</c> folders, or any folder with a given
/// tenant and host; recognises captured-file trees (KAPE <c>fs/C/…</c>, Velociraptor <c>uploads/auto/C%3A/…</c>).
/// </summary>
internal static class CollectionLayout
{
    private const string WorkspaceFolderName = ".ooda";

    public static IEnumerable<CollectionEntry> Enumerate(string path, string? tenant, string? host, Action<Diagnostic> report)
    {
        if (File.Exists(path))
        {
            if (tenant is null || host is null)
            {
                report(new Diagnostic(path, string.Empty, "a single file needs --tenant and --host"));
                yield break;
            }

            yield return Entry(path, Path.GetFileName(path), [Path.GetFileName(path)], tenant, host);
            yield break;
        }

        if (!Directory.Exists(path))
        {
            report(new Diagnostic(path, string.Empty, "no such file or folder"));
            yield break;
        }

        // The levels of folders that name tenant and host, given what the command line already said.
        var levels = tenant is null ? 2 : host is null ? 1 : 0;
        var root = Path.GetFullPath(path);
        foreach (var file in Files(root))
        {
            var relative = Path.GetRelativePath(root, file);
            var segments = relative.Split(Path.DirectorySeparatorChar);
            if (segments.Length <= levels)
            {
                report(new Diagnostic(file, string.Empty, levels == 2
                    ? "not inside a <tenant>/<host>/ folder; skipped (or give --tenant and --host)"
                    : "not inside a <host>/ folder; skipped (or give --host)", DiagnosticSeverity.Warning));
                continue;
            }

            var fileTenant = tenant ?? segments[0];
            var fileHost = host ?? segments[levels - 1];
            yield return Entry(file, Path.Combine(Path.GetFileName(root), relative), segments[levels..], fileTenant, fileHost);
        }
    }

    /// <summary>The original Windows path of a captured file from its path inside the host folder, or null when it is not in a captured tree.</summary>
    internal static string? OriginalWindowsPath(IReadOnlyList<string> segments)
    {
        for (var i = 0; i + 2 < segments.Count; i++)
        {
            // KAPE: fs/<drive letter>/<path>.
            if (segments[i] == "fs" && segments[i + 1].Length == 1 && char.IsAsciiLetter(segments[i + 1][0]))
                return Join(char.ToUpperInvariant(segments[i + 1][0]) + ":", segments, i + 2, decode: false);

            // Velociraptor: uploads/<accessor>/<percent-encoded drive>/<path>.
            if (segments[i] == "uploads" && i + 3 < segments.Count && segments[i + 1] is "auto" or "ntfs" or "file")
            {
                var drive = Uri.UnescapeDataString(segments[i + 2]).TrimStart('\\', '.');
                if (drive.Length == 2 && drive[1] == ':' && char.IsAsciiLetter(drive[0]))
                    return Join(char.ToUpperInvariant(drive[0]) + ":", segments, i + 3, decode: true);
            }
        }

        return null;
    }

    private static string Join(string drive, IReadOnlyList<string> segments, int start, bool decode)
    {
        var parts = new List<string> { drive };
        for (var i = start; i < segments.Count; i++)
            parts.Add(decode ? Uri.UnescapeDataString(segments[i]) : segments[i]);
        return string.Join('\\', parts);
    }

    private static CollectionEntry Entry(string file, string display, string[] hostRelative, string tenant, string host) =>
        new(file, display, tenant, host, OriginalWindowsPath(hostRelative));

    private static IEnumerable<string> Files(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(dir, "*", options).Order(StringComparer.Ordinal))
                yield return file;
            foreach (var sub in Directory.EnumerateDirectories(dir, "*", options).Order(StringComparer.Ordinal).Reverse())
            {
                if (Path.GetFileName(sub) != WorkspaceFolderName)
                    pending.Push(sub);
            }
        }
    }
}
