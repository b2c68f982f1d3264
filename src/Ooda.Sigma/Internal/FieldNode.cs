using System.Buffers;

namespace Ooda.Sigma.Internal;

/// <summary>One <c>field|modifiers: values</c> entry: any value matches (or all, with <c>|all</c>).</summary>
internal sealed class FieldNode : Node
{
    // From this many OR-ed case-folded substring tests on, one multi-needle pass over a long value answers them all;
    // building that searcher costs about as much as a few hundred short scans, so short values keep the plain loop.
    private const int GroupedContains = 4;
    private const int LongValue = 512;

    private readonly string[]? _contains;
    private readonly ValueMatcher[] _others;
    private SearchValues<string>? _anyContains;

    public FieldNode(string field, int slot, ValueMatcher[] matchers, bool all)
    {
        Field = field;
        Slot = slot;
        Matchers = matchers;
        All = all;
        _others = matchers;
        if (all)
            return;
        var contains = matchers.OfType<StringMatcher>().Where(m => m is { Kind: StringMatcher.Shape.Contains, Cased: false }).ToList();
        if (contains.Count < GroupedContains)
            return;
        _contains = [.. contains.Select(m => m.Needle).Distinct(StringComparer.Ordinal)];
        _others = [.. matchers.Where(m => m is not StringMatcher { Kind: StringMatcher.Shape.Contains, Cased: false })];
    }

    public string Field { get; }

    public int Slot { get; }

    public ValueMatcher[] Matchers { get; }

    public bool All { get; }

    public override bool Eval(SigmaEvaluationContext context)
    {
        if (All)
        {
            foreach (var matcher in Matchers)
            {
                if (!matcher.Match(context, Slot))
                    return false;
            }

            return true;
        }

        // The matchers have no effects, so the grouped substring tests may go first: the answer of the OR is the same.
        if (_contains is not null && context.Value(Slot) is { } raw)
        {
            ref var lower = ref context.LowerRef(Slot);
            lower ??= raw.ToLowerInvariant();
            if (ContainsAny(lower))
                return true;
        }

        foreach (var matcher in _others)
        {
            if (matcher.Match(context, Slot))
                return true;
        }

        return false;
    }

    private bool ContainsAny(string lower)
    {
        if (lower.Length >= LongValue)
        {
            // Built on first use by a long value (most nodes never meet one); a race builds an equal one.
            _anyContains ??= SearchValues.Create(_contains, StringComparison.Ordinal);
            return lower.AsSpan().ContainsAny(_anyContains);
        }

        foreach (var needle in _contains!)
        {
            if (lower.Contains(needle, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    public override Node Rewrite(FieldRewriter rewriter)
    {
        if (rewriter.Map(Field) is not { } mapped)
            return ConstNode.False;
        var rewritten = new ValueMatcher[Matchers.Length];
        for (var i = 0; i < Matchers.Length; i++)
        {
            if (Matchers[i].Rewrite(rewriter) is not { } matcher)
                return ConstNode.False;
            rewritten[i] = matcher;
        }

        return new FieldNode(mapped, rewriter.Table.Intern(mapped), rewritten, All);
    }

    public override Node Negate() => new NotNode(this);

    public override void CollectFields(ISet<string> fields)
    {
        fields.Add(Field);
        foreach (var matcher in Matchers)
        {
            foreach (var other in matcher.OtherFields)
                fields.Add(other);
        }
    }

    public override bool NeedsUnavailable(FieldRewriter rewriter) =>
        rewriter.Map(Field) is null || Matchers.Any(m => m.OtherFields.Any(f => rewriter.Map(f) is null));
}
