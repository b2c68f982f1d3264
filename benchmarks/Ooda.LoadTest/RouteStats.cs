using System.Globalization;

namespace Ooda.LoadTest;

/// <summary>Latencies and failures of one route, gathered from every client.</summary>
internal sealed class RouteStats(string name)
{
    private readonly List<double> _milliseconds = [];
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public int Requests { get; private set; }

    public int Errors => _errors.Values.Sum();

    public void Add(double milliseconds, string? error)
    {
        lock (_milliseconds)
        {
            Requests++;
            _milliseconds.Add(milliseconds);
            if (error is not null)
                _errors[error] = _errors.GetValueOrDefault(error) + 1;
        }
    }

    /// <summary>One line: requests, errors, p50/p90/p99/max in milliseconds (nearest-rank percentiles).</summary>
    public string Summary(double seconds)
    {
        lock (_milliseconds)
        {
            var sorted = _milliseconds.Order().ToArray();
            double Rank(double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
            var errors = _errors.Count == 0 ? "0" : string.Join(", ", _errors.Select(e => $"{e.Key}×{e.Value}"));
            return string.Create(CultureInfo.InvariantCulture,
                $"{Name,-9} {Requests,7} req {Requests / seconds,8:0.0}/s  p50 {Rank(0.50),7:0.0}  p90 {Rank(0.90),7:0.0}  p99 {Rank(0.99),7:0.0}  max {(sorted.Length == 0 ? 0 : sorted[^1]),7:0.0} ms  errors {errors}");
        }
    }
}
