namespace Ooda.Detection.Runbooks;

/// <summary>
/// Every runbook version Ooda knows: the built-ins shipped in the assembly, then each team folder in order. A folder's
/// version of a runbook replaces a built-in (or earlier folder's) with the same id and version; higher versions win.
/// Files are <c>&lt;id&gt;.yml</c> or <c>&lt;id&gt;@&lt;version&gt;.yml</c>, so older versions stay beside the newest.
/// </summary>
public sealed class RunbookLibrary
{
    private const string ResourcePrefix = "runbooks/";

    private readonly Dictionary<string, SortedList<RunbookVersion, Runbook>> _byId;

    private RunbookLibrary(IReadOnlyList<RunbookLoadResult> results, Dictionary<string, SortedList<RunbookVersion, Runbook>> byId, IReadOnlyList<RunbookError> errors)
    {
        Results = results;
        _byId = byId;
        Errors = errors;
    }

    /// <summary>Every file read, with its verdict.</summary>
    public IReadOnlyList<RunbookLoadResult> Results { get; }

    /// <summary>Every problem: invalid files, and files whose name disagrees with their content.</summary>
    public IReadOnlyList<RunbookError> Errors { get; }

    /// <summary>The newest version of each runbook, by id.</summary>
    public IReadOnlyList<Runbook> Latest => _byId.Keys.Order(StringComparer.Ordinal).Select(id => _byId[id].Values[^1]).ToList();

    public static RunbookLibrary Load(IEnumerable<string> folders, bool includeBuiltIn = true)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var results = new List<RunbookLoadResult>();
        if (includeBuiltIn)
            results.AddRange(BuiltIn());
        foreach (var folder in folders)
        {
            if (File.Exists(folder))
            {
                results.Add(RunbookLoader.LoadFile(folder));
                continue;
            }

            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException($"no runbook folder at {folder}");
            var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            results.AddRange(files.Select(RunbookLoader.LoadFile));
        }

        var errors = new List<RunbookError>();
        var byId = new Dictionary<string, SortedList<RunbookVersion, Runbook>>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            errors.AddRange(result.Errors);
            if (result.Runbook is not { } runbook)
                continue;
            if (NameMismatch(result.SourcePath, runbook) is { } mismatch)
            {
                errors.Add(new RunbookError(result.SourcePath, 0, mismatch));
                continue;
            }

            if (!byId.TryGetValue(runbook.Id, out var versions))
                byId[runbook.Id] = versions = [];
            versions[runbook.Version] = runbook;
        }

        return new RunbookLibrary(results, byId, errors);
    }

    /// <summary>The runbooks shipped inside Ooda (the repository's <c>runbooks/</c> folder).</summary>
    public static IReadOnlyList<RunbookLoadResult> BuiltIn()
    {
        var assembly = typeof(RunbookLibrary).Assembly;
        var results = new List<RunbookLoadResult>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            results.Add(RunbookLoader.LoadText(reader.ReadToEnd(), "builtin:" + name[ResourcePrefix.Length..]));
        }

        return results;
    }

    /// <summary>A runbook by <c>id</c> (newest version) or <c>id@version</c>; null when unknown.</summary>
    public Runbook? Find(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var id = at < 0 ? reference : reference[..at];
        if (!_byId.TryGetValue(id, out var versions))
            return null;
        if (at < 0)
            return versions.Values[^1];
        return RunbookVersion.TryParse(reference[(at + 1)..], out var version) && versions.TryGetValue(version, out var runbook) ? runbook : null;
    }

    /// <summary>Every version of a runbook, oldest first.</summary>
    public IReadOnlyList<Runbook> Versions(string id) => _byId.TryGetValue(id, out var versions) ? versions.Values.ToList() : [];

    private static string? NameMismatch(string sourcePath, Runbook runbook)
    {
        var name = Path.GetFileNameWithoutExtension(sourcePath.StartsWith("builtin:", StringComparison.Ordinal) ? sourcePath[8..] : sourcePath);
        var at = name.IndexOf('@', StringComparison.Ordinal);
        var fileId = at < 0 ? name : name[..at];
        if (!string.Equals(fileId, runbook.Id, StringComparison.Ordinal))
            return $"the file is named for runbook '{fileId}' but holds '{runbook.Id}'";
        if (at >= 0 && (!RunbookVersion.TryParse(name[(at + 1)..], out var fileVersion) || fileVersion != runbook.Version))
            return $"the file is named for version '{name[(at + 1)..]}' but holds {runbook.Version}";
        return null;
    }
}
