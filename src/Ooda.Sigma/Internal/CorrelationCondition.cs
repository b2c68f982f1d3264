using System.Globalization;

namespace Ooda.Sigma.Internal;

/// <summary>A correlation <c>condition</c>: one to several of <c>gt gte lt lte eq neq</c>, all of which must hold (two keys make a range).</summary>
internal sealed record CorrelationCondition(IReadOnlyList<(string Operator, double Bound)> Terms)
{
    public static readonly string[] Operators = ["gt", "gte", "lt", "lte", "eq", "neq"];

    /// <summary>True when a larger window can turn a true condition false (lt, lte, eq, neq), which rules out firing early.</summary>
    public bool HasUpperBound => Terms.Any(t => t.Operator is not ("gt" or "gte"));

    public bool Holds(double value)
    {
        if (double.IsNaN(value))
            return false;
        foreach (var (op, bound) in Terms)
        {
            var holds = op switch
            {
                "gt" => value > bound,
                "gte" => value >= bound,
                "lt" => value < bound,
                "lte" => value <= bound,
                "eq" => value == bound,
                _ => value != bound,
            };
            if (!holds)
                return false;
        }

        return true;
    }

    public override string ToString() =>
        string.Join(" and ", Terms.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Operator} {t.Bound}")));
}
