using System.Globalization;
using Ooda.Core;

namespace Ooda.Store;

/// <summary>The SLA per severity; leads take their due times from it when raised or when their severity rises.</summary>
public sealed record LeadSlaPolicy
{
    public static LeadSlaPolicy Default { get; } = new();

    public LeadSla Critical { get; init; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4));

    public LeadSla High { get; init; } = new(TimeSpan.FromHours(1), TimeSpan.FromHours(24));

    public LeadSla Medium { get; init; } = new(TimeSpan.FromHours(4), TimeSpan.FromHours(72));

    public LeadSla Low { get; init; } = new(TimeSpan.FromHours(24), TimeSpan.FromDays(7));

    public LeadSla Informational { get; init; } = new(TimeSpan.FromDays(3), TimeSpan.FromDays(14));

    /// <summary>The SLA of a severity; an unknown severity gets the informational one.</summary>
    public LeadSla For(string severity) => SeverityLevels.Rank(severity) switch
    {
        4 => Critical,
        3 => High,
        2 => Medium,
        1 => Low,
        _ => Informational,
    };

    /// <summary>
    /// The default policy with overrides like <c>critical=15m/4h,high=1h/1d</c> (units s, m, h, d); unnamed severities keep their default.
    /// </summary>
    /// <exception cref="FormatException">An entry names no known severity or has a malformed or non-positive duration.</exception>
    public static LeadSlaPolicy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var policy = Default;
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            var times = parts.Length == 2 ? parts[1].Split('/', StringSplitOptions.TrimEntries) : [];
            if (times.Length != 2)
                throw new FormatException($"SLA entry '{entry}' is not like critical=15m/4h");
            var sla = new LeadSla(Duration(times[0], entry), Duration(times[1], entry));
            if (sla.Resolve < sla.Acknowledge)
                throw new FormatException($"SLA entry '{entry}' resolves before it acknowledges");
            policy = parts[0].ToLowerInvariant() switch
            {
                "critical" => policy with { Critical = sla },
                "high" => policy with { High = sla },
                "medium" => policy with { Medium = sla },
                "low" => policy with { Low = sla },
                "informational" => policy with { Informational = sla },
                _ => throw new FormatException($"SLA entry '{entry}' names no severity (critical, high, medium, low, informational)"),
            };
        }

        return policy;
    }

    private static TimeSpan Duration(string text, string entry)
    {
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (char.ToLowerInvariant(text[^1]))
            {
                case 's' when amount <= 366L * 86400:
                    return TimeSpan.FromSeconds(amount);
                case 'm' when amount <= 366L * 1440:
                    return TimeSpan.FromMinutes(amount);
                case 'h' when amount <= 366L * 24:
                    return TimeSpan.FromHours(amount);
                case 'd' when amount <= 366:
                    return TimeSpan.FromDays(amount);
            }
        }

        throw new FormatException($"SLA entry '{entry}': '{text}' is not a positive duration like 15m, 4h or 7d (at most a year)");
    }
}
