using System.Text.Json;

namespace Ooda.Response.Internal;

/// <summary>The agent's optional JSON answer: <c>{"status":"done|accepted|failed","detail":"…"}</c>.</summary>
internal static class AgentAnswer
{
    private const int MaxDetail = 2000;

    public static (ConnectorOutcome Outcome, string Detail) Read(string body, ConnectorOutcome fallback)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? string.Empty : string.Empty;
                var outcome = status?.ToLowerInvariant() switch
                {
                    "done" or "completed" or "succeeded" => ConnectorOutcome.Done,
                    "failed" or "error" => ConnectorOutcome.Failed,
                    "accepted" or "queued" or "pending" => ConnectorOutcome.Accepted,
                    _ => fallback,
                };
                return (outcome, Clip(detail));
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the detail.
        }

        return (fallback, Clip(body));
    }

    public static string Clip(string text) => text.Length <= MaxDetail ? text : string.Concat(text.AsSpan(0, MaxDetail), "…");
}
