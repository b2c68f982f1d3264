using Ooda.Store;

namespace Ooda.Response;

/// <summary>The stored (kebab-case) names of modes, targets, kinds and states, and their parsing.</summary>
public static class ResponseNames
{
    private static readonly Dictionary<ActionKind, string> _kinds = new()
    {
        [ActionKind.IsolateHost] = "isolate-host",
        [ActionKind.KillProcess] = "kill-process",
        [ActionKind.QuarantineFile] = "quarantine-file",
        [ActionKind.DeleteFile] = "delete-file",
        [ActionKind.BlockHash] = "block-hash",
        [ActionKind.BlockIp] = "block-ip",
        [ActionKind.BlockDomain] = "block-domain",
        [ActionKind.DisableAccount] = "disable-account",
        [ActionKind.RemoveAccount] = "remove-account",
        [ActionKind.ResetCredentials] = "reset-credentials",
        [ActionKind.RemoveMailboxExportRequests] = "remove-mailbox-export-requests",
        [ActionKind.RemoveRoleAssignment] = "remove-role-assignment",
        [ActionKind.InstallUpdate] = "install-update",
        [ActionKind.ApplyMitigation] = "apply-mitigation",
    };

    private static readonly Dictionary<ActionState, string> _states = new()
    {
        [ActionState.Proposed] = StoredActionStates.Proposed,
        [ActionState.AwaitingApproval] = StoredActionStates.AwaitingApproval,
        [ActionState.Approved] = StoredActionStates.Approved,
        [ActionState.Dispatched] = StoredActionStates.Dispatched,
        [ActionState.Done] = StoredActionStates.Done,
        [ActionState.Failed] = StoredActionStates.Failed,
        [ActionState.Rejected] = StoredActionStates.Rejected,
    };

    public static string Of(ActionKind kind) => _kinds[kind];

    public static string Of(ActionState state) => _states[state];

    public static string Of(ResponseMode mode) => mode switch
    {
        ResponseMode.Collaborate => TenantResponseModes.Collaborate,
        ResponseMode.Authorize => TenantResponseModes.Authorize,
        _ => TenantResponseModes.Notify,
    };

    public static string Of(ActionTarget target) => target == ActionTarget.Agent ? "agent" : "customer";

    /// <summary>Every kind's stored name, in declaration order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. _kinds.Values];

    public static bool TryParseKind(string? text, out ActionKind kind)
    {
        foreach (var (k, name) in _kinds)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryParseState(string? text, out ActionState state)
    {
        foreach (var (s, name) in _states)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = s;
                return true;
            }
        }

        state = default;
        return false;
    }

    public static bool TryParseMode(string? text, out ResponseMode mode)
    {
        mode = TenantResponseModes.Normalize(text) switch
        {
            TenantResponseModes.Collaborate => ResponseMode.Collaborate,
            TenantResponseModes.Authorize => ResponseMode.Authorize,
            TenantResponseModes.Notify => ResponseMode.Notify,
            _ => (ResponseMode)(-1),
        };
        return Enum.IsDefined(mode);
    }

    /// <summary>Runbooks say <c>endpoint-agent</c>; the store says <c>agent</c>.</summary>
    public static bool TryParseTarget(string? text, out ActionTarget target)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "agent" or "endpoint-agent":
                target = ActionTarget.Agent;
                return true;
            case "customer":
                target = ActionTarget.Customer;
                return true;
            default:
                target = default;
                return false;
        }
    }

    public static ActionState StateOf(StoredAction action) =>
        TryParseState(action.State, out var state) ? state : throw new InvalidDataException($"action {action.Id} has an unknown state '{action.State}'");

    public static ActionKind KindOf(StoredAction action) =>
        TryParseKind(action.Kind, out var kind) ? kind : throw new InvalidDataException($"action {action.Id} has an unknown kind '{action.Kind}'");

    public static ActionTarget TargetOf(StoredAction action) =>
        TryParseTarget(action.Target, out var target) ? target : throw new InvalidDataException($"action {action.Id} has an unknown target '{action.Target}'");
}
