namespace Ooda.Investigation.ProcessTrees.Internal;

/// <summary>
/// The 4688s already placed, by process id, image (case-insensitively) and exact time, so a copy of one (the same log
/// ingested twice) joins its node. Images are upper-cased only when two starts share an id and time, which copies do.
/// </summary>
internal sealed class SecurityCopies
{
    private readonly Dictionary<(long?, long), (string Image, int Draft)> _first = [];
    private readonly Dictionary<(long?, long, string), int> _others = [];

    /// <summary>The draft of an earlier 4688 with this id, image and time, or null.</summary>
    public int? Find(long? pid, string image, DateTime at)
    {
        if (!_first.TryGetValue((pid, at.Ticks), out var first))
            return null;
        var upper = image.ToUpperInvariant();
        if (string.Equals(first.Image.ToUpperInvariant(), upper, StringComparison.Ordinal))
            return first.Draft;
        return _others.TryGetValue((pid, at.Ticks, upper), out var other) ? other : null;
    }

    /// <summary>Records the draft of a 4688 that <see cref="Find"/> did not place.</summary>
    public void Add(long? pid, string image, DateTime at, int draft)
    {
        if (!_first.TryAdd((pid, at.Ticks), (image, draft)))
            _others.TryAdd((pid, at.Ticks, image.ToUpperInvariant()), draft);
    }
}
