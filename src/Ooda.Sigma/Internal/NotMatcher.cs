namespace Ooda.Sigma.Internal;

/// <summary>The <c>neq</c> modifier: the field is present and the inner test fails.</summary>
internal sealed class NotMatcher(ValueMatcher inner) : ValueMatcher
{
    public override bool Match(SigmaEvaluationContext context, int slot) =>
        context.Value(slot) is not null && !inner.Match(context, slot);

    public override IEnumerable<string> OtherFields => inner.OtherFields;

    public override ValueMatcher? Rewrite(FieldRewriter rewriter) =>
        inner.Rewrite(rewriter) is { } rewritten ? new NotMatcher(rewritten) : null;
}
