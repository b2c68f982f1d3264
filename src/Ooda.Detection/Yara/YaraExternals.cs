using Ooda.Core;

namespace Ooda.Detection.Yara;

/// <summary>
/// The LOKI/THOR external variables signature-base rules use, all strings: defined with these values when rules are
/// compiled and set again for every scan.
/// </summary>
/// <param name="Filename">The file's name, e.g. <c>lsass.exe</c>.</param>
/// <param name="Filepath">The folder holding the file, without the name (THOR's meaning: rules test <c>filepath == "/var/log"</c>).</param>
/// <param name="Extension">The extension with its dot, lower case, e.g. <c>.jpg</c>; empty when there is none.</param>
/// <param name="Filetype">The type found from the magic bytes (<see cref="YaraFileType"/>), e.g. <c>EXE</c>; empty when unknown.</param>
/// <param name="Owner">The file's owner when the collector recorded it.</param>
public sealed record YaraExternals(string Filename = "", string Filepath = "", string Extension = "", string Filetype = "", string Owner = "")
{
    /// <summary>The identifiers, in the order <see cref="Values"/> lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["filename", "filepath", "extension", "filetype", "owner"];

    /// <summary>All empty: what rules see when nothing is known about the data.</summary>
    public static YaraExternals None { get; } = new();

    /// <summary>The values, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<string> Values => [Filename, Filepath, Extension, Filetype, Owner];

    /// <summary>
    /// The externals for a file at <paramref name="path"/> (Windows or Unix separators) whose content starts with
    /// <paramref name="head"/>.
    /// </summary>
    public static YaraExternals ForFile(string path, ReadOnlySpan<byte> head, string owner = "")
    {
        ArgumentNullException.ThrowIfNull(path);
        var cut = path.AsSpan().LastIndexOfAny('\\', '/');
        var name = cut < 0 ? path : path[(cut + 1)..];
        var folder = cut < 0 ? "" : path[..cut];
        var dot = name.LastIndexOf('.');
        var extension = dot <= 0 ? "" : name[dot..].ToLowerInvariant();
        return new YaraExternals(name, folder, extension, YaraFileType.FromMagic(head), owner ?? "");
    }

    /// <summary>The externals for a captured file: its original Windows path and its first bytes.</summary>
    public static YaraExternals ForFile(CapturedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ForFile(file.OriginalPath, file.FirstBytes ?? []);
    }
}
