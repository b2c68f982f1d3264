namespace Ooda.Store;

/// <summary>The response modes as stored: we recommend and the customer acts; we act with consent; we act, then inform.</summary>
public static class TenantResponseModes
{
    public const string Notify = "notify";

    public const string Collaborate = "collaborate";

    public const string Authorize = "authorize";

    /// <summary>Every mode, in order of how much the tenant lets us do.</summary>
    public static IReadOnlyList<string> All { get; } = [Notify, Collaborate, Authorize];

    /// <summary>The stored spelling of <paramref name="text"/> (any case, surrounding space ignored); null when it is not a mode.</summary>
    public static string? Normalize(string? text) =>
        All.FirstOrDefault(m => string.Equals(m, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
