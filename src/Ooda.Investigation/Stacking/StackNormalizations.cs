using Ooda.Store;

namespace Ooda.Investigation.Stacking;

/// <summary>The rules that make values comparable before they are counted, so one program or name stacks as one value.</summary>
public static class StackNormalizations
{
    /// <summary>
    /// Windows paths: case-insensitive; the NT object prefixes <c>\??\</c> and <c>\\?\</c> dropped; <c>\SystemRoot\</c>,
    /// <c>%SystemRoot%</c> and <c>%windir%</c> read as <c>C:\Windows</c> (the default Windows folder), a service's bare
    /// <c>system32\</c> as <c>C:\Windows\system32\</c>, and the common folder variables expanded to their default places.
    /// </summary>
    public static StackNormalization WindowsPath { get; } = new(
        "windows-path",
        @"lower-cased; \??\ and \\?\ dropped; \SystemRoot\, %SystemRoot% and %windir% read as C:\Windows, a leading system32\ as C:\Windows\system32\; "
            + "%ProgramFiles%, %ProgramFiles(x86)%, %ProgramData% and %SystemDrive% expanded to their default places",
        StackCase.Lower,
        [
            new(@"\??\", string.Empty, AtStart: true),
            new(@"\\?\", string.Empty, AtStart: true),
            new(@"\systemroot\", @"c:\windows\", AtStart: true),
            new(@"system32\", @"c:\windows\system32\", AtStart: true),
            new("%systemroot%", @"c:\windows"),
            new("%windir%", @"c:\windows"),
            new("%programfiles(x86)%", @"c:\program files (x86)"),
            new("%programfiles%", @"c:\program files"),
            new("%programdata%", @"c:\programdata"),
            new("%systemdrive%", "c:"),
        ]);

    /// <summary>Names compared without regard to case (accounts, services, most raw fields).</summary>
    public static StackNormalization CaseInsensitive { get; } = new("case-insensitive", "lower-cased", StackCase.Lower, []);

    /// <summary>Hex hashes in one case, whatever case the source wrote them in.</summary>
    public static StackNormalization Hash { get; } = new("hash", "upper-cased (hex digits and the algorithm name)", StackCase.Upper, []);

    /// <summary>Scheduled task names: <c>\Updater</c> (Security 4698) and <c>/tn Updater</c> (schtasks) are the same task.</summary>
    public static StackNormalization TaskName { get; } = new("task-name", @"lower-cased; the leading \ of the task folder path dropped", StackCase.Lower,
        [new(@"\", string.Empty, AtStart: true)]);

    /// <summary>IIS writes the spaces of a user agent as <c>+</c>; Exchange's HttpProxy log keeps them.</summary>
    public static StackNormalization IisUserAgent { get; } = new("iis-user-agent", "the + IIS writes for each space read as a space; case kept", StackCase.AsIs,
        [new("+", " ")]);
}
