namespace Ooda.Response;

/// <summary>A customer's authorisation as recorded: through which channel, by whom, in what words.</summary>
/// <param name="Via">phone, email or portal.</param>
/// <param name="AuthorizedBy">The customer's contact who gave it; the recording analyst when null.</param>
/// <param name="Note">The wording approved, or a reference to the written authorisation.</param>
public sealed record ActionApproval(string Via, string? AuthorizedBy = null, string? Note = null)
{
    public static IReadOnlyList<string> Channels { get; } = ["phone", "email", "portal"];

    /// <summary>The channel's stored spelling; null when it is not one of <see cref="Channels"/>.</summary>
    public static string? NormalizeChannel(string? via) =>
        Channels.FirstOrDefault(c => string.Equals(c, via?.Trim(), StringComparison.OrdinalIgnoreCase));
}
