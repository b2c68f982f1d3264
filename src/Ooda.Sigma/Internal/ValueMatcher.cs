namespace Ooda.Sigma.Internal;

/// <summary>Tests one field's value (null when the event lacks the field).</summary>
internal abstract class ValueMatcher
{
    public abstract bool Match(SigmaEvaluationContext context, int slot);

    /// <summary>Other fields this matcher reads (for <c>fieldref</c>).</summary>
    public virtual IEnumerable<string> OtherFields => [];

    /// <summary>This matcher over renamed fields, or null when a field it reads is unavailable.</summary>
    public virtual ValueMatcher? Rewrite(FieldRewriter rewriter) => this;
}
