namespace Ooda.Sigma.Internal;

/// <summary>The <c>fieldref</c> modifier: the value equals another field of the same event (both present).</summary>
internal sealed class FieldRefMatcher(string otherField, int otherSlot, bool cased) : ValueMatcher
{
    public string OtherField { get; } = otherField;

    public bool Cased { get; } = cased;

    public override bool Match(SigmaEvaluationContext context, int slot)
    {
        var left = context.Value(slot);
        var right = context.Value(otherSlot);
        return left is not null && right is not null
            && string.Equals(left, right, Cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }

    public override IEnumerable<string> OtherFields => [OtherField];

    public override ValueMatcher? Rewrite(FieldRewriter rewriter) =>
        rewriter.Map(OtherField) is { } mapped ? new FieldRefMatcher(mapped, rewriter.Table.Intern(mapped), Cased) : null;
}
