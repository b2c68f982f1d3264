namespace Ooda.Detection.Webshells;

/// <summary>What the webshell checks look at and how far; the lists are data, extended with <c>with</c>.</summary>
public sealed record WebshellOptions
{
    public static WebshellOptions Default { get; } = new();

    /// <summary>Folder markers of web roots, matched case-insensitively anywhere in the original path.</summary>
    public IReadOnlyList<string> WebRoots { get; init; } = WebshellDefaults.WebRoots;

    /// <summary>Extensions of files a web server serves or executes, with the dot.</summary>
    public IReadOnlyList<string> WebExtensions { get; init; } = WebshellDefaults.WebExtensions;

    /// <summary>Stock files, as paths from the web root marker (<c>*</c> within a folder name, <c>**</c> for any folders, <c>&lt;build&gt;</c> for a build-number folder).</summary>
    public IReadOnlyList<string> KnownGood { get; init; } = WebshellDefaults.KnownGood;

    public IReadOnlyList<WebshellPattern> Patterns { get; init; } = WebshellDefaults.Patterns;

    /// <summary>Bytes of a file's content read for the pattern checks.</summary>
    public int MaxContentBytes { get; init; } = 8 << 20;

    /// <summary>Servers that must share a folder (or have web files at all) before rarity means anything.</summary>
    public int MinServersForPrevalence { get; init; } = 3;

    /// <summary>How long after the estimated Exchange install a web file's modification counts as "well after".</summary>
    public TimeSpan NewerThanInstallMargin { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The folder whose files' median modification time estimates when Exchange was installed on a host.</summary>
    public string InstallMarkerFolder { get; init; } = @"\FrontEnd\HttpProxy\owa\auth\";
}
