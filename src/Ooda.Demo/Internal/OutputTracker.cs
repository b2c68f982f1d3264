namespace Ooda.Demo.Internal;

/// <summary>Creates output files under the output folder and remembers what was written.</summary>
internal sealed class OutputTracker(string root)
{
    private readonly List<DemoFile> _files = [];

    public string Root { get; } = root;

    public FileStream Create(string relativePath)
    {
        var full = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
    }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public void Record(string relativePath, DemoFileKind kind, long records, long bytes)
    {
        lock (_files)
            _files.Add(new DemoFile(relativePath, kind, records, bytes));
    }

    public IReadOnlyList<DemoFile> Files()
    {
        lock (_files)
            return [.. _files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }
}
