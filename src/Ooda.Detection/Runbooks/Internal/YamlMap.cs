using YamlDotNet.RepresentationModel;

namespace Ooda.Detection.Runbooks.Internal;

/// <summary>Reads one YAML mapping strictly: typed getters that record a located error instead of throwing, and unknown keys reported.</summary>
internal sealed class YamlMap(YamlMappingNode node, string file, List<RunbookError> errors)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public int Line => (int)node.Start.Line;

    public void Error(YamlNode at, string message) => errors.Add(new RunbookError(file, (int)at.Start.Line, message));

    public void Error(string message) => errors.Add(new RunbookError(file, Line, message));

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public string? String(string key, bool required = false)
    {
        var value = Node(key);
        if (value is null || value is YamlScalarNode { Value: null or "" or "~" or "null" } && IsPlain(value))
        {
            if (required)
                Error($"'{key}' is required");
            return null;
        }

        if (value is YamlScalarNode scalar)
            return scalar.Value;
        Error(value, $"'{key}' must be a text value, not a {value.NodeType.ToString().ToLowerInvariant()}");
        return null;
    }

    public List<string> Strings(string key)
    {
        var result = new List<string>();
        switch (Node(key))
        {
            case null:
                break;
            case YamlScalarNode { Value: { Length: > 0 } single }:
                result.Add(single);
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text })
                        result.Add(text);
                    else
                        Error(item, $"'{key}' items must be text values");
                }

                break;
            case var other:
                Error(other, $"'{key}' must be a list of text values");
                break;
        }

        return result;
    }

    public IEnumerable<YamlMap> Maps(string key)
    {
        switch (Node(key))
        {
            case null:
                yield break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlMappingNode map)
                        yield return new YamlMap(map, file, errors);
                    else
                        Error(item, $"'{key}' items must be mappings");
                }

                break;
            case var other:
                Error(other, $"'{key}' must be a list");
                break;
        }
    }

    public YamlMap? Map(string key)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case YamlMappingNode map:
                return new YamlMap(map, file, errors);
            case var other:
                Error(other, $"'{key}' must be a mapping");
                return null;
        }
    }

    /// <summary>Reports every key no getter asked for: a typo must not silently disable part of a runbook.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_read.Contains(name))
                Error(key, $"unknown key '{name}'");
        }
    }

    private static bool IsPlain(YamlNode node) => node is YamlScalarNode s && s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any;
}
