using System.Text;
using Ooda.Sigma.Internal;
using YamlDotNet.Core;

namespace Ooda.Sigma;

/// <summary>
/// Reads Sigma rule files: single documents, multi-document files (correlations with their base rules), and the
/// legacy v1 collections (<c>action: global</c> merged into each following document, <c>reset</c>, <c>repeat</c>).
/// Every document yields a rule or an error; nothing is dropped silently.
/// </summary>
public static class SigmaRuleLoader
{
    /// <summary>Every <c>*.yml</c>/<c>*.yaml</c> under a folder (sorted, for stable output), or the one file given.</summary>
    public static IReadOnlyList<string> FindRuleFiles(string path)
    {
        if (File.Exists(path))
            return [path];
        if (!Directory.Exists(path))
            throw new DirectoryNotFoundException($"no rule file or folder at {path}");
        var files = Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Loads every rule file under <paramref name="path"/> (a folder or one file), in file order.</summary>
    /// <remarks>Files are parsed on every core (YAML parsing is most of the load time), results kept in file order.</remarks>
    public static IEnumerable<SigmaLoadResult> LoadPath(string path) => LoadPath(path, cacheDirectory: null);

    /// <summary>
    /// Loads every rule file under <paramref name="path"/>, keeping their parsed YAML in <paramref name="cacheDirectory"/>
    /// (when given) keyed by each file's content hash, so the next load of unchanged files skips YAML parsing. The results
    /// are the same with or without the cache.
    /// </summary>
    public static IEnumerable<SigmaLoadResult> LoadPath(string path, string? cacheDirectory)
    {
        var files = FindRuleFiles(path);
        var cache = cacheDirectory is null ? null : RuleTreeCache.Open(cacheDirectory, path);
        foreach (var result in files.AsParallel().AsOrdered().Select(f => LoadFile(f, cache)).SelectMany(results => results))
            yield return result;
        cache?.Save();
    }

    public static IReadOnlyList<SigmaLoadResult> LoadFile(string path) => LoadFile(path, cache: null);

    private static IReadOnlyList<SigmaLoadResult> LoadFile(string path, RuleTreeCache? cache)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new SigmaLoadResult(path, 0, null, new SigmaError(Reasons.Yaml, "cannot read file: " + e.Message))];
        }

        var key = cache is null ? null : RuleTreeCache.Key(bytes);
        if (key is not null && cache!.TryGet(key) is { } cached)
            return FromDocuments(cached, path);
        // As File.ReadAllText decodes: UTF-8 unless a byte order mark names another encoding.
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        if (!TryParse(text, path, out var documents, out var failure))
            return failure;
        if (key is not null)
            cache!.Add(key, documents);
        return FromDocuments(documents, path);
    }

    /// <summary>Loads the YAML text of one rule file; <paramref name="sourcePath"/> names it in results.</summary>
    public static IReadOnlyList<SigmaLoadResult> LoadText(string text, string sourcePath) =>
        TryParse(text, sourcePath, out var documents, out var failure) ? FromDocuments(documents, sourcePath) : failure;

    private static bool TryParse(string text, string sourcePath, out List<object?> documents, out IReadOnlyList<SigmaLoadResult> failure)
    {
        try
        {
            documents = YamlTree.LoadDocuments(text);
            failure = [];
            return true;
        }
        catch (YamlException e)
        {
            var inner = e.InnerException is null ? e.Message : e.Message + " " + e.InnerException.Message;
            documents = [];
            failure = [new SigmaLoadResult(sourcePath, 0, null, new SigmaError(Reasons.Yaml, $"line {e.Start.Line}: {inner}"))];
            return false;
        }
    }

    /// <summary>The rules of a file's parsed documents (merging v1 collections changes the documents).</summary>
    private static List<SigmaLoadResult> FromDocuments(List<object?> documents, string sourcePath)
    {
        var results = new List<SigmaLoadResult>(documents.Count);
        OrderedDictionary<string, object?>? global = null;
        OrderedDictionary<string, object?>? previous = null;
        for (var index = 0; index < documents.Count; index++)
        {
            if (documents[index] is not OrderedDictionary<string, object?> document)
            {
                if (documents[index] is not null)
                    results.Add(new SigmaLoadResult(sourcePath, index, null, new SigmaError(Reasons.Structure, "document is not a YAML map")));
                continue;
            }

            var action = Scalar(document, "action");
            switch (action)
            {
                case "global":
                    global = document;
                    continue;
                case "reset":
                    global = null;
                    continue;
                case "repeat":
                    document = Merge(previous ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal), document);
                    break;
                case null:
                    break;
                default:
                    results.Add(new SigmaLoadResult(sourcePath, index, null, new SigmaError(Reasons.Structure, $"unknown action '{action}'")));
                    continue;
            }

            document.Remove("action");
            if (global is not null)
                document = Merge(global, document);
            previous = document;
            try
            {
                results.Add(new SigmaLoadResult(sourcePath, index, Build(document, sourcePath, index), null));
            }
            catch (SigmaException e)
            {
                results.Add(new SigmaLoadResult(sourcePath, index, null, e.ToError()));
            }
        }

        return results;
    }

    private static SigmaRule Build(OrderedDictionary<string, object?> document, string sourcePath, int index)
    {
        var kind = document.ContainsKey("correlation") ? SigmaRuleKind.Correlation
            : document.ContainsKey("filter") && !document.ContainsKey("detection") ? SigmaRuleKind.Filter
            : SigmaRuleKind.Detection;
        if (kind == SigmaRuleKind.Detection && document.GetValueOrDefault("detection") is not OrderedDictionary<string, object?>)
            throw new SigmaException(Reasons.Structure, "no detection section (a rule needs detection, correlation or filter)");
        var title = Scalar(document, "title") ?? throw new SigmaException(Reasons.Structure, "no title");
        var tags = new List<string>();
        if (document.GetValueOrDefault("tags") is List<object?> tagList)
        {
            foreach (var tag in tagList)
            {
                if (tag is YamlScalar scalar)
                    tags.Add(scalar.Text);
            }
        }

        var logsource = SigmaLogsource.None;
        if (document.GetValueOrDefault("logsource") is OrderedDictionary<string, object?> source)
        {
            logsource = new SigmaLogsource(
                Scalar(source, "product")?.ToLowerInvariant(),
                Scalar(source, "category")?.ToLowerInvariant(),
                Scalar(source, "service")?.ToLowerInvariant());
        }

        return new SigmaRule
        {
            SourcePath = sourcePath,
            Document = index,
            Kind = kind,
            Id = Scalar(document, "id"),
            Title = title,
            Name = Scalar(document, "name"),
            Status = Scalar(document, "status"),
            Level = Scalar(document, "level")?.ToLowerInvariant(),
            Tags = tags,
            Description = Scalar(document, "description"),
            Logsource = logsource,
            Body = document,
        };
    }

    internal static string? Scalar(OrderedDictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) is YamlScalar scalar ? scalar.Text : null;

    /// <summary>Deep merge for v1 collections: maps merge key by key, anything else in <paramref name="overlay"/> wins.</summary>
    private static OrderedDictionary<string, object?> Merge(OrderedDictionary<string, object?> baseMap, OrderedDictionary<string, object?> overlay)
    {
        var merged = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in baseMap)
        {
            if (key != "action")
                merged[key] = value;
        }

        foreach (var (key, value) in overlay)
        {
            merged[key] = merged.GetValueOrDefault(key) is OrderedDictionary<string, object?> left && value is OrderedDictionary<string, object?> right
                ? Merge(left, right)
                : value;
        }

        return merged;
    }
}
