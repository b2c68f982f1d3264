namespace Ooda.Web;

/// <summary>How <c>ooda serve</c> runs: which workspace, where it listens, and the security settings.</summary>
public sealed record ConsoleOptions
{
    /// <summary>The workspace folder; it must exist (the console never creates an empty one).</summary>
    public required string WorkspaceFolder { get; init; }

    /// <summary>Kestrel URLs, e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free port.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    /// <summary>How long a sign-in lasts before the user must sign in again.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Team runbook folders beside the built-in runbooks.</summary>
    public IReadOnlyList<string> RunbookFolders { get; init; } = [];

    /// <summary>A folder watched for new evidence (<c>&lt;tenant&gt;/&lt;host&gt;/…</c>) by continuous hunting; null for none.</summary>
    public string? InboxFolder { get; init; }

    /// <summary>The TLS certificate (PKCS#12 / .pfx) for https:// URLs; session cookies are Secure over https.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The certificate's password, if it has one.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>Sigma rule files or folders the continuous hunter runs on new evidence beside the runbooks.</summary>
    public IReadOnlyList<string> SigmaPaths { get; init; } = [];

    /// <summary>Sigma filter folders applied to those rules.</summary>
    public IReadOnlyList<string> FilterPaths { get; init; } = [];

    /// <summary>Largest accepted upload, in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 512L * 1024 * 1024;
}
