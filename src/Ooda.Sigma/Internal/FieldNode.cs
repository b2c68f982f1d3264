namespace Ooda.Sigma.Internal;

/// <summary>One <c>field|modifiers: values</c> entry: any value matches (or all, with <c>|all</c>).</summary>
internal sealed class FieldNode(string field, int slot, ValueMatcher[] matchers, bool all) : Node
{
    public string Field { get; } = field;

    public int Slot { get; } = slot;

    public ValueMatcher[] Matchers { get; } = matchers;

    public bool All { get; } = all;

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

        foreach (var matcher in Matchers)
        {
            if (matcher.Match(context, Slot))
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
