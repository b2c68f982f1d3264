namespace Ooda.Response;

/// <summary>The parameter names actions carry; values come from evidence and are treated as hostile everywhere.</summary>
public static class ActionParameters
{
    /// <summary>A file's full path on the host.</summary>
    public const string Path = "path";

    /// <summary>A file's SHA-256 (hex); a quarantine checks it before moving the file.</summary>
    public const string Sha256 = "sha256";

    /// <summary>A process image path or name.</summary>
    public const string Image = "image";

    /// <summary>A process id, decimal.</summary>
    public const string ProcessId = "pid";

    /// <summary>An account name (SAM account name or local user).</summary>
    public const string Account = "account";

    /// <summary><c>domain</c> or <c>local</c>: which cmdlets handle the account.</summary>
    public const string Scope = "scope";

    /// <summary>An IP address to block.</summary>
    public const string Address = "address";

    public const string Domain = "domain";

    /// <summary>The build to install, e.g. <c>15.2.1258.39</c>.</summary>
    public const string Build = "build";

    /// <summary>The build now running, when known.</summary>
    public const string CurrentBuild = "current_build";

    /// <summary>The update's name or KB, e.g. <c>Exchange Server 2019 CU14 Nov24SUv2</c>.</summary>
    public const string Update = "update";

    public const string Mailbox = "mailbox";

    /// <summary>Who holds a role assignment to remove.</summary>
    public const string Assignee = "assignee";

    /// <summary>The mitigation to apply, in words.</summary>
    public const string Mitigation = "mitigation";

    /// <summary>The runbook step's own instructions, when it has them.</summary>
    public const string Instructions = "instructions";
}
