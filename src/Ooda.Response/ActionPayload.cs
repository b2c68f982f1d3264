using System.Text;
using System.Text.Json;
using Ooda.Store;

namespace Ooda.Response;

/// <summary>
/// What a connector sends for one action: the exact body bytes (JSON), built once so every retry sends the same bytes
/// under the same signature and idempotency key.
/// </summary>
/// <param name="IdempotencyKey">The dispatch key, <c>{action key}-d{n}</c>: the same for every retry of one dispatch, new for the next dispatch.</param>
public sealed record ActionPayload(string ActionId, string IdempotencyKey, ReadOnlyMemory<byte> Body)
{
    /// <summary>The JSON body: the action, its parameters and evidence, and the mode under which it was sent.</summary>
    public static ActionPayload For(StoredAction action, ResponseMode mode, DateTime requestedAt)
    {
        ArgumentNullException.ThrowIfNull(action);
        var key = DispatchKey(action);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("action_id", action.Id);
            w.WriteString("idempotency_key", key);
            w.WriteString("action_key", action.IdempotencyKey);
            w.WriteString("case_id", action.CaseId);
            w.WriteString("tenant", action.Tenant);
            w.WriteString("kind", action.Kind);
            w.WriteString("host", action.Host);
            w.WriteString("subject", action.Subject);
            w.WriteStartObject("parameters");
            foreach (var (name, value) in action.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                w.WriteString(name, value);
            w.WriteEndObject();
            w.WriteString("reason", action.Reason);
            w.WriteStartArray("findings");
            foreach (var finding in action.FindingIds)
                w.WriteStringValue(finding);
            w.WriteEndArray();
            w.WriteString("mode", ResponseNames.Of(mode));
            w.WriteString("requested_at", DateTime.SpecifyKind(requestedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        return new ActionPayload(action.Id, key, buffer.ToArray());
    }

    /// <summary>
    /// <c>{action key}-d{n}</c>, n the number of times the action was marked dispatched (at least 1). A receiver caches its
    /// answer per key, so a re-dispatch after a failure needs a key of its own or it gets the cached refusal back.
    /// </summary>
    public static string DispatchKey(StoredAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var n = Math.Max(1, action.Events.Count(e => e.To == StoredActionStates.Dispatched));
        return $"{action.IdempotencyKey}-d{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    public string BodyText => Encoding.UTF8.GetString(Body.Span);
}
