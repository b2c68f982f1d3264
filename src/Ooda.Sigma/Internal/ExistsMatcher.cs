namespace Ooda.Sigma.Internal;

/// <summary>The <c>exists</c> modifier: presence of the field, whatever its value.</summary>
internal sealed class ExistsMatcher(bool expected) : ValueMatcher
{
    public bool Expected { get; } = expected;

    public override bool Match(SigmaEvaluationContext context, int slot) => (context.Value(slot) is not null) == Expected;
}
