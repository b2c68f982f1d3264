using System.Globalization;

namespace Ooda.Response;

/// <summary>An analyst's record that these contacts were tried, in order, and none answered.</summary>
/// <param name="Tried">The contacts as <see cref="ResponsePolicy.ContactLabels"/> writes them.</param>
/// <param name="At">When they were tried, if the analyst said.</param>
public sealed record ContactAttempt(IReadOnlyList<string> Tried, DateTime? At = null)
{
    private static readonly string[] _roles = ["primary", "secondary", "tertiary"];

    /// <summary>
    /// The contacts an analyst names (<c>primary</c>, <c>secondary</c>, <c>tertiary</c>, or a contact's name or channel,
    /// case-insensitively) as the policy's labels; only those named count as tried.
    /// </summary>
    /// <exception cref="ResponseRuleException">A name that is none of the tenant's contacts.</exception>
    public static ContactAttempt Resolve(ResponsePolicy policy, IEnumerable<string> tried, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(tried);
        var labels = policy.ContactLabels();
        var resolved = new List<string>();
        foreach (var text in tried.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            var index = Array.FindIndex(_roles, r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase));
            if (index < 0 && policy.FindContact(text) is { } contact)
                index = policy.Contacts.ToList().IndexOf(contact);
            if (index < 0 || index >= labels.Count)
            {
                throw new ResponseRuleException(labels.Count == 0
                    ? $"'{text}': tenant {policy.Tenant} names no contacts ('ooda tenant set' adds them)"
                    : $"'{text}' is not one of tenant {policy.Tenant}'s contacts ({string.Join("; ", labels)})");
            }

            if (!resolved.Contains(labels[index], StringComparer.Ordinal))
                resolved.Add(labels[index]);
        }

        if (resolved.Count == 0)
            throw new ResponseRuleException("name at least one contact that was tried");
        return new ContactAttempt(resolved, at);
    }

    /// <summary>How the attempt is worded in the approval's note.</summary>
    public string Describe() =>
        At is { } at ? $"tried {string.Join("; ", Tried)} at {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : $"tried {string.Join("; ", Tried)}";
}
