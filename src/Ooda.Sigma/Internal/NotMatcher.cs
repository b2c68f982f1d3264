namespace Ooda.Sigma.Internal;

/// <summary>The <c>neq</c> modifier: the field is present and the inner test fails.</summary>
internal sealed class NotMatcher(ValueMatcher inner) : ValueMatcher
{
    public ValueMatcher Inner { get; } = inner;

    public override bool Match(SigmaEvaluationContext context, int slot) =>
        context.Value(slot) is not null && !Inner.Match(context, slot);

    public override IEnumerable<string> OtherFields => Inner.OtherFields;

    public override ValueMatcher? Rewrite(FieldRewriter rewriter) =>
        Inner.Rewrite(rewriter) is { } rewritten ? new NotMatcher(rewritten) : null;
}
