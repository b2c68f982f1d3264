using Ooda.Store;

namespace Ooda.Response.Tests;

/// <summary>Stored actions and policies made up for tests.</summary>
internal static class Actions
{
    public static readonly DateTime T0 = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    public static StoredAction Make(string state, string target = "agent", string kind = "isolate-host", IReadOnlyList<StoredActionEvent>? events = null,
        IReadOnlyDictionary<string, string>? parameters = null, string id = "A-0001", string? host = "acme-ex01", string subject = "acme-ex01",
        string reason = "critical findings on the host") => new()
        {
            Id = id,
            CaseId = "C-0001",
            Tenant = "acme",
            Kind = kind,
            Target = target,
            Host = host,
            Subject = subject,
            Parameters = parameters ?? new Dictionary<string, string>(),
            Reason = reason,
            FindingIds = ["f1"],
            State = state,
            IdempotencyKey = "ooda-key-" + id,
            CreatedAt = T0,
            CreatedBy = "dana",
            UpdatedAt = T0,
            UpdatedBy = "dana",
            Events = events ?? [new StoredActionEvent(1, T0, "dana", null, state, "plan", null, null, [], null)],
        };

    public static ResponsePolicy Policy(ResponseMode mode, bool actIfUnreachable = false, int contacts = 2) =>
        new("acme", mode, actIfUnreachable, [.. new[] { new TenantResponseContact("Dana Reyes", "dana@acme.example"), new TenantResponseContact("Sam Okafor", "+44 20 7946 0000"), new TenantResponseContact("Lee", "lee@acme.example") }.Take(contacts)],
            ResponsePolicy.FromSetting);
}
