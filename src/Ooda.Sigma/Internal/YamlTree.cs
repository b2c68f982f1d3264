using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ooda.Sigma.Internal;

/// <summary>
/// YAML documents as plain trees: <see cref="OrderedDictionary{TKey,TValue}"/> for maps, <see cref="List{T}"/> for
/// sequences, <see cref="YamlScalar"/> for scalars and null for YAML null (<c>~</c>, <c>null</c>, empty).
/// </summary>
internal static class YamlTree
{
    public static List<object?> LoadDocuments(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var documents = new List<object?>(stream.Documents.Count);
        foreach (var document in stream.Documents)
            documents.Add(Convert(document.RootNode));
        return documents;
    }

    private static object? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var result = new OrderedDictionary<string, object?>(map.Children.Count, StringComparer.Ordinal);
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : key.ToString();
                    if (!result.TryAdd(name, Convert(value)))
                        throw new YamlException(key.Start, key.End, $"duplicate key '{name}'");
                }

                return result;
            case YamlSequenceNode sequence:
                var list = new List<object?>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                    list.Add(Convert(item));
                return list;
            case YamlScalarNode scalar:
                var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
                var text = scalar.Value ?? string.Empty;
                if (plain && text is "" or "~" or "null" or "Null" or "NULL" && scalar.Tag.IsEmpty)
                    return null;
                return new YamlScalar(text, plain && scalar.Tag.IsEmpty);
            default:
                throw new YamlException(node.Start, node.End, string.Create(CultureInfo.InvariantCulture, $"unsupported YAML node {node.NodeType}"));
        }
    }
}
