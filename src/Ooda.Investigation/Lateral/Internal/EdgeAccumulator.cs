namespace Ooda.Investigation.Lateral.Internal;

/// <summary>Collects one edge's observations while the graph is built.</summary>
internal sealed class EdgeAccumulator(HostEndpoint source, HostEndpoint target, EdgeKey key)
{
    private readonly Dictionary<string, long> _accountForms = new(StringComparer.Ordinal);

    public EdgeKey Key { get; } = key;

    public HostEndpoint Source { get; } = source;

    public HostEndpoint Target { get; } = target;

    public SortedSet<string> Techniques { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Tools { get; } = new(StringComparer.OrdinalIgnoreCase);

    public DateTime? First { get; private set; }

    public DateTime? Last { get; private set; }

    public long Count { get; private set; }

    /// <summary>Window logons by package (network logons only) and by logon type.</summary>
    public long NtlmLogons { get; set; }

    public HashSet<int> LogonTypes { get; } = [];

    public List<LateralEvidence> Evidence { get; } = [];

    public List<LateralEvidence> Artefacts { get; } = [];

    /// <summary>Why the execution artefacts riding this edge are execution, one sentence each.</summary>
    public List<string> Executions { get; } = [];

    /// <summary>The account as the evidence spells it most often (ties: the first in ordinal order).</summary>
    public string Account => _accountForms.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key).FirstOrDefault() ?? Key.User;

    public void AddAccountForm(string account, long weight) =>
        _accountForms[account] = _accountForms.GetValueOrDefault(account) + Math.Max(1, weight);

    public void AddWindow(long count, DateTime? first, DateTime? last)
    {
        if (count <= 0)
            return;
        Count += count;
        if (first is { } f && (First is null || f < First))
            First = f;
        if (last is { } l && (Last is null || l > Last))
            Last = l;
    }

    /// <summary>True when a window [first, last] comes within <paramref name="slack"/> of this edge's window.</summary>
    public bool Overlaps(DateTime first, DateTime last, TimeSpan slack) =>
        First is { } f && Last is { } l && first <= l + slack && last >= f - slack;
}
