using System.ComponentModel;
using System.Globalization;
using Ooda.Engine.Probe;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class ProbeSettings : CommandSettings
{
    private static readonly TimeSpan _maxTimeout = TimeSpan.FromMinutes(2);

    [CommandArgument(0, "<URL>")]
    [Description("The Exchange front end to check, e.g. https://mail.example.com (only its scheme, host and port are used).")]
    public string Url { get; init; } = string.Empty;

    [CommandOption("--json")]
    [Description("One JSON document: fingerprint, assessment, each check's verdict and evidence, every request sent.")]
    public bool Json { get; init; }

    [CommandOption("--timeout <DURATION>")]
    [Description("Per-request timeout: 10s (default), 500ms, 1m or plain seconds.")]
    [DefaultValue("10s")]
    public string Timeout { get; init; } = "10s";

    [CommandOption("--insecure")]
    [Description("Accept a self-signed or otherwise untrusted TLS certificate (reported in the result). Off by default.")]
    public bool Insecure { get; init; }

    /// <summary>The validated origin to probe.</summary>
    public Uri Target => ProbeTarget.TryParse(Url, out var origin, out var error) ? origin : throw new InputException(error);

    /// <summary>The validated per-request timeout.</summary>
    public TimeSpan TimeoutValue => TryParseDuration(Timeout, out var t) ? t : throw new InputException($"--timeout: '{Timeout}' is not a duration like 10s or 500ms");

    public override ValidationResult Validate()
    {
        if (!ProbeTarget.TryParse(Url, out _, out var error))
            return ValidationResult.Error(error);
        if (!TryParseDuration(Timeout, out var timeout) || timeout <= TimeSpan.Zero || timeout > _maxTimeout)
            return ValidationResult.Error($"--timeout: '{Timeout}' is not a duration between 1ms and 2m (e.g. 10s, 500ms)");
        return ValidationResult.Success();
    }

    /// <summary>Reads <c>10s</c>, <c>500ms</c>, <c>2m</c> or plain seconds.</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        var s = text?.Trim().ToLowerInvariant() ?? "";
        var (number, scale) = s.EndsWith("ms", StringComparison.Ordinal) ? (s[..^2], 0.001)
            : s.EndsWith('s') ? (s[..^1], 1.0)
            : s.EndsWith('m') ? (s[..^1], 60.0)
            : (s, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value * scale > 86_400)
            return false;
        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }
}
