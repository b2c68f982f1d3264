namespace Ooda.Response;

/// <summary>What a remediation action does. Names in the store and in runbooks are the kebab-case forms (<see cref="ResponseNames"/>).</summary>
public enum ActionKind
{
    IsolateHost,
    KillProcess,
    QuarantineFile,
    DeleteFile,
    BlockHash,
    BlockIp,
    BlockDomain,
    DisableAccount,
    RemoveAccount,
    ResetCredentials,
    RemoveMailboxExportRequests,

    /// <summary>Remove the <c>Mailbox Import Export</c> management role assignment.</summary>
    RemoveRoleAssignment,

    /// <summary>Install the build that fixes the vulnerability.</summary>
    InstallUpdate,

    ApplyMitigation,
}
