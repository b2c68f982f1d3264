namespace Ooda.Formats.Evtx.Internal;

/// <summary>A template definition parsed once per chunk: its GUID and its content with substitution slots.</summary>
internal sealed record CompiledTemplate(Guid Guid, TemplateNode[] Content)
{
    private HashSet<int>? _substitutions;

    /// <summary>True when a slot uses the value; values no slot uses are never read (a stale nested value must not cost the record).</summary>
    public bool Uses(int substitutionId) => (_substitutions ??= Collect(Content, [])).Contains(substitutionId);

    private static HashSet<int> Collect(TemplateNode[] nodes, HashSet<int> ids)
    {
        foreach (var node in nodes)
        {
            if (node.Kind == TemplateNodeKind.Substitution)
            {
                ids.Add(node.SubstitutionId);
            }
            else if (node.Element is { } element)
            {
                foreach (var attribute in element.Attributes)
                    Collect(attribute.Value, ids);
                Collect(element.Children, ids);
            }
        }

        return ids;
    }
}
