namespace Ooda.Sigma.Internal;

/// <summary>A keyword search: a value found in any field of the event (all values, with <c>|all</c>).</summary>
internal sealed class KeywordNode(TextMatcher[] matchers, bool all) : Node
{
    public TextMatcher[] Matchers { get; } = matchers;

    public bool All { get; } = all;

    public override bool Eval(SigmaEvaluationContext context)
    {
        if (All)
        {
            foreach (var matcher in Matchers)
            {
                if (!AnyField(context, matcher))
                    return false;
            }

            return true;
        }

        foreach (var matcher in Matchers)
        {
            if (AnyField(context, matcher))
                return true;
        }

        return false;
    }

    private static bool AnyField(SigmaEvaluationContext context, TextMatcher matcher)
    {
        var values = context.AllValues();
        for (var i = 0; i < values.Count; i++)
        {
            if (matcher.MatchText(values[i], ref context.AllLowerRef(i)))
                return true;
        }

        return false;
    }

    public override Node Rewrite(FieldRewriter rewriter) => this;

    public override Node Negate() => new NotNode(this);

    public override void CollectFields(ISet<string> fields)
    {
    }

    public override bool NeedsUnavailable(FieldRewriter rewriter) => false;
}
