namespace Ooda.Sigma.Internal;

/// <summary>
/// Derives a rule target's necessary literal condition: a set of needles at least one of which occurs in every event the
/// target matches. Null means none can be derived (the target is always evaluated); an empty set means it never matches.
/// </summary>
/// <remarks>
/// A field entry yields one needle per value when every value is a plain string test (contains, startswith, endswith,
/// equality, or a glob's longest literal run), all after lower-casing, which a cased test implies too. An AND keeps its
/// most selective child's set, an OR the union of its children's. A negation, regex, numeric, CIDR, exists, null or
/// fieldref test yields nothing: the prefilter must never drop an event the full evaluation would match.
/// </remarks>
internal static class NeedleDerivation
{
    // Past this many needles for one target the scan is no cheaper than the evaluation it would save.
    private const int MaxNeedles = 4096;

    // Needles longer than this are all equally selective.
    private const int SelectiveLength = 12;

    /// <param name="ignoredSlot">A field whose tests yield nothing (it is prefiltered otherwise), or <see cref="NoSlot"/>.</param>
    public static Needle[]? Of(CompiledTarget target, int ignoredSlot = NoSlot)
    {
        var detection = Of(target.Detection, ignoredSlot);
        return target.SourceCondition is null ? detection : Best(Of(target.SourceCondition, ignoredSlot), detection);
    }

    /// <summary>No field is ignored.</summary>
    public const int NoSlot = -2;

    public static Needle[]? Of(Node node, int ignoredSlot = NoSlot) => node switch
    {
        FieldNode field when field.Slot == ignoredSlot => null,
        FieldNode field => Values(field.Slot, field.Matchers, field.All),
        KeywordNode keyword => Values(Needle.KeywordSlot, keyword.Matchers, keyword.All),
        AndNode and => and.Children.Select(c => Of(c, ignoredSlot)).Aggregate((Needle[]?)null, Best),
        OrNode or => Union(or.Children.Select(c => Of(c, ignoredSlot))),
        ConstNode { Value: false } => [],
        _ => null,
    };

    /// <summary>
    /// The whole values one field must equal (lower-cased) for a target to match, e.g. its <c>EventID</c>; null when
    /// the target does not pin the field down, empty when it never matches.
    /// </summary>
    public static string[]? EqualValues(CompiledTarget target, int slot)
    {
        var detection = EqualValues(target.Detection, slot);
        return target.SourceCondition is null ? detection : Smaller(EqualValues(target.SourceCondition, slot), detection);
    }

    private static string[]? EqualValues(Node node, int slot)
    {
        switch (node)
        {
            case FieldNode field when field.Slot == slot && !field.All:
                var values = new List<string>(field.Matchers.Length);
                foreach (var matcher in field.Matchers)
                {
                    if (Of(slot, matcher) is not { Anchor: NeedleAnchor.Equals } needle)
                        return null;
                    values.Add(needle.Text);
                }

                return [.. values.Distinct(StringComparer.Ordinal)];
            case AndNode and:
                return and.Children.Select(c => EqualValues(c, slot)).Aggregate((string[]?)null, Smaller);
            case OrNode or:
                var union = new HashSet<string>(StringComparer.Ordinal);
                foreach (var child in or.Children)
                {
                    if (EqualValues(child, slot) is not { } set)
                        return null;
                    union.UnionWith(set);
                }

                return [.. union.Order(StringComparer.Ordinal)];
            case ConstNode { Value: false }:
                return [];
            default:
                return null;
        }
    }

    private static string[]? Smaller(string[]? a, string[]? b) => a is null ? b : b is null ? a : (b.Length < a.Length ? b : a);

    private static Needle[]? Values(int slot, IReadOnlyList<ValueMatcher> matchers, bool all)
    {
        if (all)
        {
            // Every value must match, so any one value's needle is necessary.
            Needle[]? best = null;
            foreach (var matcher in matchers)
                best = Best(best, Of(slot, matcher) is { } needle ? [needle] : null);
            return best;
        }

        var needles = new List<Needle>(matchers.Count);
        foreach (var matcher in matchers)
        {
            if (Of(slot, matcher) is not { } needle)
                return null;
            needles.Add(needle);
        }

        return Distinct(needles);
    }

    private static Needle? Of(int slot, ValueMatcher matcher)
    {
        if (matcher is not StringMatcher text)
            return null;
        var (literal, anchor) = text.Kind switch
        {
            StringMatcher.Shape.Equals => (text.Needle, NeedleAnchor.Equals),
            StringMatcher.Shape.Prefix => (text.Needle, NeedleAnchor.Prefix),
            StringMatcher.Shape.Suffix => (text.Needle, NeedleAnchor.Suffix),
            StringMatcher.Shape.Contains => (text.Needle, NeedleAnchor.Contains),
            StringMatcher.Shape.Glob => (LongestLiteral(text.Segments), NeedleAnchor.Contains),
            _ => (string.Empty, NeedleAnchor.Contains),
        };

        // A cased test implies the lower-cased one; surrogates are left out because values are folded one char at a time.
        if (text.Cased)
            literal = literal.ToLowerInvariant();
        if (literal.Length == 0 || literal.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
            return null;
        return new Needle(slot, literal, anchor);
    }

    /// <summary>The longest run of a glob without wildcards: every match contains it somewhere.</summary>
    private static string LongestLiteral(IReadOnlyList<string> segments)
    {
        var longest = string.Empty;
        foreach (var segment in segments)
        {
            foreach (var piece in segment.Split(SigmaString.Question))
            {
                if (piece.Length > longest.Length)
                    longest = piece;
            }
        }

        return longest;
    }

    /// <summary>The more selective of two necessary conditions (both hold for a match of an AND).</summary>
    internal static Needle[]? Best(Needle[]? a, Needle[]? b)
    {
        if (a is null)
            return b;
        if (b is null)
            return a;
        if (a.Length == 0 || b.Length == 0)
            return [];
        return Score(b).CompareTo(Score(a)) > 0 ? b : a;
    }

    /// <summary>Longer shortest needle first, then no keyword scan (it reads every value), then fewer needles.</summary>
    private static (int Shortest, int Fields, int Fewer) Score(Needle[] needles)
    {
        var shortest = int.MaxValue;
        var keywords = false;
        foreach (var needle in needles)
        {
            shortest = Math.Min(shortest, needle.Text.Length);
            keywords |= needle.Slot == Needle.KeywordSlot;
        }

        return (Math.Min(shortest, SelectiveLength), keywords ? 0 : 1, -needles.Length);
    }

    private static Needle[]? Union(IEnumerable<Needle[]?> sets)
    {
        var needles = new List<Needle>();
        foreach (var set in sets)
        {
            if (set is null)
                return null;
            needles.AddRange(set);
            if (needles.Count > MaxNeedles)
                return null;
        }

        return Distinct(needles);
    }

    private static Needle[]? Distinct(List<Needle> needles) => needles.Count > MaxNeedles ? null : [.. needles.Distinct()];
}
