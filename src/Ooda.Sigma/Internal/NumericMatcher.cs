using System.Globalization;

namespace Ooda.Sigma.Internal;

/// <summary>The <c>lt</c>/<c>lte</c>/<c>gt</c>/<c>gte</c> modifiers; decimal or <c>0x</c> hex values; a non-number never matches.</summary>
internal sealed class NumericMatcher(NumericOperator op, double bound) : TextMatcher
{
    public NumericOperator Operator { get; } = op;

    public double Bound { get; } = bound;

    public override bool MatchText(string raw, ref string? lower) =>
        TryParse(raw, out var value) && Operator switch
        {
            NumericOperator.Lt => value < Bound,
            NumericOperator.Lte => value <= Bound,
            NumericOperator.Gt => value > Bound,
            _ => value >= Bound,
        };

    public static bool TryParse(string text, out double value)
    {
        var span = text.AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(span[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            value = hex;
            return true;
        }

        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
