using System.Globalization;
using System.Reflection;
using Ooda.Core;
using Ooda.Sigma.Internal;
using YamlDotNet.Core;

namespace Ooda.Sigma;

/// <summary>
/// Logsource → event sources, read from the YAML data files in <c>mappings/</c> (embedded in this assembly; a folder
/// can replace them). See <c>mappings/README.md</c> for the format.
/// </summary>
public sealed class LogsourceMapping
{
    private readonly List<Entry> _entries;

    private sealed record Entry(string? Product, string? Category, string? Service, IReadOnlyList<LogsourceTarget> Targets);

    private LogsourceMapping(List<Entry> entries) => _entries = entries;

    /// <summary>The mapping shipped with Ooda.</summary>
    public static LogsourceMapping Default => _default.Value;

    private static readonly Lazy<LogsourceMapping> _default = new(LoadEmbedded);

    /// <summary>Loads every <c>*.yml</c> of a folder (or one file); a broken file throws with its name and reason.</summary>
    public static LogsourceMapping Load(string path)
    {
        var files = File.Exists(path) ? [path] : Directory.GetFiles(path, "*.yml").Order(StringComparer.Ordinal).ToArray();
        return FromTexts(files.Select(f => (f, File.ReadAllText(f))));
    }

    private static LogsourceMapping LoadEmbedded()
    {
        var assembly = typeof(LogsourceMapping).Assembly;
        var texts = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("mappings/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            texts.Add((name, reader.ReadToEnd()));
        }

        return FromTexts(texts);
    }

    public static LogsourceMapping FromTexts(IEnumerable<(string Name, string Text)> files)
    {
        var sources = new Dictionary<string, OrderedDictionary<string, object?>>(StringComparer.Ordinal);
        var fieldSets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var logsources = new List<(string File, OrderedDictionary<string, object?> Map)>();
        foreach (var (name, text) in files)
        {
            List<object?> documents;
            try
            {
                documents = YamlTree.LoadDocuments(text);
            }
            catch (YamlException e)
            {
                throw new InvalidDataException($"{name}: line {e.Start.Line}: {e.Message}", e);
            }

            foreach (var document in documents.OfType<OrderedDictionary<string, object?>>())
            {
                if (document.GetValueOrDefault("sources") is OrderedDictionary<string, object?> sourceMap)
                {
                    foreach (var (key, value) in sourceMap)
                        sources[key] = value as OrderedDictionary<string, object?> ?? throw new InvalidDataException($"{name}: source '{key}' is not a map");
                }

                if (document.GetValueOrDefault("fieldsets") is OrderedDictionary<string, object?> setMap)
                {
                    foreach (var (key, value) in setMap)
                        fieldSets[key] = new HashSet<string>(Strings(value), StringComparer.OrdinalIgnoreCase);
                }

                if (document.GetValueOrDefault("logsources") is List<object?> list)
                {
                    foreach (var item in list)
                        logsources.Add((name, item as OrderedDictionary<string, object?> ?? throw new InvalidDataException($"{name}: a logsource is not a map")));
                }
            }
        }

        foreach (var set in fieldSets.Values)
            Include(set, fieldSets, 0);

        var entries = new List<Entry>();
        foreach (var (file, map) in logsources)
        {
            var targets = new List<LogsourceTarget>();
            if (map.GetValueOrDefault("targets") is List<object?> targetList)
            {
                foreach (var item in targetList.OfType<OrderedDictionary<string, object?>>())
                    targets.Add(Target(file, item, sources, fieldSets));
            }

            entries.Add(new Entry(
                SigmaRuleLoader.Scalar(map, "product")?.ToLowerInvariant(),
                SigmaRuleLoader.Scalar(map, "category")?.ToLowerInvariant(),
                SigmaRuleLoader.Scalar(map, "service")?.ToLowerInvariant(),
                targets));
        }

        return new LogsourceMapping(entries);
    }

    private static LogsourceTarget Target(string file, OrderedDictionary<string, object?> map, Dictionary<string, OrderedDictionary<string, object?>> sources, Dictionary<string, HashSet<string>> fieldSets)
    {
        var merged = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (SigmaRuleLoader.Scalar(map, "source") is { } sourceName)
        {
            if (!sources.TryGetValue(sourceName, out var source))
                throw new InvalidDataException($"{file}: unknown source '{sourceName}'");
            foreach (var (key, value) in source)
                merged[key] = value;
        }

        foreach (var (key, value) in map)
            merged[key] = value;

        HashSet<string>? fields = null;
        switch (merged.GetValueOrDefault("fields"))
        {
            case YamlScalar setName:
                fields = fieldSets.TryGetValue(setName.Text, out var set) ? set : throw new InvalidDataException($"{file}: unknown fieldset '{setName.Text}'");
                break;
            case List<object?> list:
                fields = new HashSet<string>(Strings(list), StringComparer.OrdinalIgnoreCase);
                break;
        }

        var fieldMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (merged.GetValueOrDefault("fieldmap") is OrderedDictionary<string, object?> fm)
        {
            foreach (var (key, value) in fm)
                fieldMap[key] = value is YamlScalar s ? s.Text : string.Empty;
        }

        var conditions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (merged.GetValueOrDefault("conditions") is OrderedDictionary<string, object?> cm)
        {
            foreach (var (key, value) in cm)
                conditions[key] = Strings(value).ToList();
        }

        return new LogsourceTarget
        {
            Name = SigmaRuleLoader.Scalar(merged, "name") ?? throw new InvalidDataException($"{file}: a target has no name"),
            Kinds = Strings(merged.GetValueOrDefault("kinds")).Select(k => Enum.Parse<SourceKind>(k, ignoreCase: true)).ToHashSet(),
            Channels = new HashSet<string>(Strings(merged.GetValueOrDefault("channels")), StringComparer.OrdinalIgnoreCase),
            Providers = new HashSet<string>(Strings(merged.GetValueOrDefault("providers")), StringComparer.OrdinalIgnoreCase),
            EventIds = Strings(merged.GetValueOrDefault("eventIds")).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet(),
            Conditions = conditions,
            FieldMap = fieldMap,
            Fields = fields,
        };
    }

    /// <summary>Replaces <c>@name</c> items of a field set with the fields of that set.</summary>
    private static void Include(HashSet<string> set, Dictionary<string, HashSet<string>> sets, int depth)
    {
        var references = set.Where(f => f.StartsWith('@')).ToList();
        if (depth > 8 && references.Count > 0)
            throw new InvalidDataException($"fieldset includes nest too deep at {references[0]}");
        foreach (var reference in references)
        {
            set.Remove(reference);
            if (!sets.TryGetValue(reference[1..], out var included))
                throw new InvalidDataException($"unknown fieldset '{reference}'");
            Include(included, sets, depth + 1);
            set.UnionWith(included);
        }
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        YamlScalar s => [s.Text],
        List<object?> list => list.OfType<YamlScalar>().Select(s => s.Text),
        _ => [],
    };

    /// <summary>The targets a rule's logsource means; empty when the mapping does not know it.</summary>
    public IReadOnlyList<LogsourceTarget> Resolve(SigmaLogsource logsource)
    {
        bool ProductFits(Entry e) => e.Product is null || logsource.Product is null || e.Product == logsource.Product;

        var exact = _entries.FirstOrDefault(e => ProductFits(e) && e.Category == logsource.Category && e.Service == logsource.Service
            && (logsource.Category is not null || logsource.Service is not null || e.Product == logsource.Product));
        if (exact is not null)
            return exact.Targets;
        if (logsource.Category is null || logsource.Service is null)
            return [];

        // Category and service both given: the category's targets that read the service's channels.
        var byCategory = _entries.FirstOrDefault(e => ProductFits(e) && e.Category == logsource.Category && e.Service is null);
        var byService = _entries.FirstOrDefault(e => ProductFits(e) && e.Service == logsource.Service && e.Category is null);
        if (byCategory is null)
            return byService?.Targets ?? [];
        if (byService is null)
            return byCategory.Targets;
        var channels = byService.Targets.SelectMany(t => t.Channels).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var both = byCategory.Targets.Where(t => t.Channels.Overlaps(channels)).ToList();
        return both.Count > 0 ? both : byCategory.Targets;
    }
}
