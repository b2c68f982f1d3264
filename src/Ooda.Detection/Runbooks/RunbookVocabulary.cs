using System.Text.RegularExpressions;
using Ooda.Core;

namespace Ooda.Detection.Runbooks;

/// <summary>The closed vocabularies a runbook is checked against: statuses, severities, IOC types, actions, targets, file checks.</summary>
public static partial class RunbookVocabulary
{
    public static IReadOnlyList<string> Statuses { get; } = ["draft", "test", "stable", "deprecated"];

    /// <summary>Sigma's levels, lowest first.</summary>
    public static IReadOnlyList<string> Severities => SeverityLevels.All;

    public static IReadOnlyList<string> IocTypes { get; } =
        ["md5", "sha1", "sha256", "ip", "cidr", "domain", "url", "filename", "filepath", "filepath-regex", "user-agent", "commandline", "commandline-regex", "keyword"];

    public static IReadOnlyList<string> Actions { get; } =
    [
        "isolate-host", "kill-process", "quarantine-file", "delete-file", "block-hash", "block-ip", "block-domain", "disable-account",
        "remove-account", "reset-credentials", "remove-mailbox-export-requests", "remove-role-assignment", "install-update", "apply-mitigation",
        "collect-evidence",
    ];

    public static IReadOnlyList<string> Targets { get; } = ["endpoint-agent", "customer"];

    /// <summary>Built-in checks of captured files a hunt can name.</summary>
    public static IReadOnlyList<string> FileChecks { get; } = ["webshell"];

    /// <summary>0 (informational) … 4 (critical), -1 when unknown.</summary>
    public static int SeverityRank(string? severity) =>
        SeverityLevels.Rank(severity);

    public static bool IsRunbookId(string id) => RunbookIdPattern().IsMatch(id);

    public static bool IsTechniqueId(string id) => TechniquePattern().IsMatch(id);

    public static bool IsCve(string id) => CvePattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex RunbookIdPattern();

    [GeneratedRegex(@"^T[0-9]{4}(\.[0-9]{3})?$")]
    private static partial Regex TechniquePattern();

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,7}$")]
    private static partial Regex CvePattern();
}
