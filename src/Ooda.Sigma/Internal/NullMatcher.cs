namespace Ooda.Sigma.Internal;

/// <summary>A <c>null</c> value: the field is absent (an empty value is not null).</summary>
internal sealed class NullMatcher : ValueMatcher
{
    public static readonly NullMatcher Instance = new();

    public override bool Match(SigmaEvaluationContext context, int slot) => context.Value(slot) is null;
}
