using Ooda.Store;

namespace Ooda.Response;

/// <summary>The response settings in force for one tenant, and where they came from.</summary>
/// <param name="Source"><c>tenant setting</c>, <c>inventory</c> or <c>default</c>.</param>
public sealed record ResponsePolicy(string Tenant, ResponseMode Mode, bool ActIfUnreachable, IReadOnlyList<TenantResponseContact> Contacts, string Source)
{
    public const string FromSetting = "tenant setting";
    public const string FromInventory = "inventory";
    public const string FromDefault = "default";

    /// <summary>
    /// An explicit setting wins; else the inventory's <c>response_mode</c> for the tenant's hosts (the least permissive when
    /// they disagree); else notify, the mode that never acts.
    /// </summary>
    public static ResponsePolicy Resolve(string tenant, TenantResponse? setting, IEnumerable<string?> inventoryModes)
    {
        ArgumentNullException.ThrowIfNull(inventoryModes);
        if (setting is not null && ResponseNames.TryParseMode(setting.Mode, out var set))
            return new ResponsePolicy(tenant, set, set == ResponseMode.Collaborate && setting.ActIfUnreachable, setting.Contacts, FromSetting);
        var modes = inventoryModes.Select(m => ResponseNames.TryParseMode(m, out var mode) ? mode : (ResponseMode?)null).OfType<ResponseMode>().ToList();
        return modes.Count > 0
            ? new ResponsePolicy(tenant, modes.Min(), false, [], FromInventory)
            : new ResponsePolicy(tenant, ResponseMode.Notify, false, [], FromDefault);
    }

    /// <summary>The contact whose name or channel is <paramref name="text"/> (trimmed, case-insensitive); null when none is.</summary>
    public TenantResponseContact? FindContact(string? text)
    {
        var wanted = text?.Trim();
        return string.IsNullOrEmpty(wanted)
            ? null
            : Contacts.FirstOrDefault(c => string.Equals(c.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Channel.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Contacts as shown in records: <c>primary: Dana Reyes &lt;dana@acme.example&gt;</c>.</summary>
    public IReadOnlyList<string> ContactLabels() =>
        [.. Contacts.Select((c, i) => $"{(i switch { 0 => "primary", 1 => "secondary", _ => "tertiary" })}: {c.Name} <{c.Channel}>")];
}
