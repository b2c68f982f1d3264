using Ooda.Core;

namespace Ooda.Sigma;

/// <summary>
/// One kind of event a logsource means (e.g. <c>process_creation</c> → Sysmon 1, or → Security 4688), and how the
/// rule's field names read on it. An event belongs to the target when every given restriction holds: its kind, its
/// channel or provider, its event id, and the extra field conditions.
/// </summary>
public sealed record LogsourceTarget
{
    public required string Name { get; init; }

    public IReadOnlySet<SourceKind> Kinds { get; init; } = new HashSet<SourceKind>();

    public IReadOnlySet<string> Channels { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string> Providers { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<int> EventIds { get; init; } = new HashSet<int>();

    /// <summary>Extra <c>field: value</c> conditions (e.g. registry_add → <c>EventType: CreateKey</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Conditions { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Rule field → this source's field (e.g. <c>Image</c> → <c>NewProcessName</c>).</summary>
    public IReadOnlyDictionary<string, string> FieldMap { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The fields this source's events carry; null when any field may occur (no rule field is unavailable).</summary>
    public IReadOnlySet<string>? Fields { get; init; }

    public bool Accepts(EvidenceEvent evidence)
    {
        if (Kinds.Count > 0 && !Kinds.Contains(evidence.Kind))
            return false;
        if ((Channels.Count > 0 || Providers.Count > 0)
            && !(evidence.Channel is { } channel && Channels.Contains(channel))
            && !(evidence.Provider is { } provider && Providers.Contains(provider)))
            return false;
        return EventIds.Count == 0 || (evidence.EventId is { } id && EventIds.Contains(id));
    }

    /// <summary>The event's name for a rule field, or null when events of this source never carry it.</summary>
    public string? MapField(string field)
    {
        if (FieldMap.TryGetValue(field, out var mapped))
            return mapped.Length == 0 ? null : mapped;
        return Fields is null || Fields.Contains(field) ? field : null;
    }
}
