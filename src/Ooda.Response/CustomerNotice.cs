using System.Globalization;
using System.Text;
using Ooda.Store;

namespace Ooda.Response;

/// <summary>
/// The plain-text notice to the customer's contacts: what we found, what we ask them to do, what we did. Control
/// characters from evidence are shown as <c>\u001B</c>-style escapes so the text cannot drive a terminal or mail client.
/// </summary>
public static class CustomerNotice
{
    public static string Compose(NoticeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = new StringBuilder();
        void Line(string text = "") => s.Append(Clean(text)).Append('\n');
        var policy = request.Policy;
        Line($"Subject: [{request.CaseId}] {request.CaseTitle}");
        Line();
        Line($"To: {(policy.Contacts.Count == 0 ? "the tenant's authorised contacts" : string.Join(", ", policy.ContactLabels()))}");
        Line($"Tenant: {request.Tenant}; response mode: {ResponseNames.Of(policy.Mode)} ({policy.Source}); written {request.WrittenAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        Line();
        Line("What we found");
        if (request.Found.Count == 0)
            Line("- see the case report");
        foreach (var found in request.Found)
            Line("- " + found);

        var ask = request.Actions.Where(a => Asks(policy, a)).ToList();
        var awaiting = request.Actions.Where(a => a.State == StoredActionStates.AwaitingApproval).ToList();
        var did = request.Actions.Where(a => a.Target == "agent" && a.State is StoredActionStates.Dispatched or StoredActionStates.Done or StoredActionStates.Failed).ToList();
        Line();
        Line("What we ask you to do");
        if (ask.Count == 0 && awaiting.Count == 0)
            Line("- nothing at this time");
        foreach (var action in ask)
            Line($"- {action.Id} {Describe(action)}");
        if (ask.Count > 0 && request.ScriptName is not null)
            Line($"  The attached script {request.ScriptName} performs these steps; review it, then run it on each named host.");
        foreach (var action in awaiting)
            Line($"- approve or refuse {action.Id}: we would {Describe(action)}");
        Line();
        Line("What we did");
        if (policy.Mode == ResponseMode.Notify)
            Line("- nothing: your response mode is notify, so we act on nothing ourselves");
        else if (did.Count == 0)
            Line("- nothing yet");
        foreach (var action in did)
            Line($"- {action.Id} {Describe(action)}: {action.State}{Authority(action)}");
        return s.ToString();
    }

    /// <summary>Notify asks for every open action; otherwise only the customer-side steps.</summary>
    private static bool Asks(ResponsePolicy policy, StoredAction action) =>
        action.State is not (StoredActionStates.Rejected or StoredActionStates.Done)
        && (policy.Mode == ResponseMode.Notify || action.Target == "customer")
        && action.State != StoredActionStates.AwaitingApproval;

    private static string Describe(StoredAction action)
    {
        var where = action.Host is null || string.Equals(action.Host, action.Subject, StringComparison.OrdinalIgnoreCase) ? string.Empty : $" on {action.Host}";
        return $"{action.Kind} {action.Subject}{where} ({action.Reason})";
    }

    private static string Authority(StoredAction action)
    {
        // A failed action re-dispatched because no contact answered carries the contacts tried on its dispatch event.
        var approval = action.Events.LastOrDefault(e => e.To == StoredActionStates.Approved || e.ContactsTried.Count > 0);
        if (approval is null)
            return string.Empty;
        return approval.ContactsTried.Count > 0
            ? $", acting because no contact answered (tried {string.Join("; ", approval.ContactsTried)})"
            : $", approved by {approval.AuthorizedBy ?? approval.Actor} via {approval.Via}";
    }

    /// <summary>Control characters become visible escapes; everything else is kept.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' || PowerShellQuoting.IsBidiControl(c)))
            return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' || PowerShellQuoting.IsBidiControl(c))
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }

        return builder.ToString();
    }
}
