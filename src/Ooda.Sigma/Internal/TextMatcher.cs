namespace Ooda.Sigma.Internal;

/// <summary>A matcher over a present string value; an absent field never matches.</summary>
internal abstract class TextMatcher : ValueMatcher
{
    public override bool Match(SigmaEvaluationContext context, int slot)
    {
        var raw = context.Value(slot);
        return raw is not null && MatchText(raw, ref context.LowerRef(slot));
    }

    /// <summary>Tests <paramref name="raw"/>; <paramref name="lower"/> caches its lower-case form across matchers.</summary>
    public abstract bool MatchText(string raw, ref string? lower);

    protected static string Lower(string raw, ref string? lower) => lower ??= raw.ToLowerInvariant();
}
