using System.Text.RegularExpressions;

namespace Ooda.Investigation.Lateral.Internal;

/// <summary>
/// Recognises the services remote-execution tools install on their target: PsExec and its clones by name, Impacket's and
/// Metasploit's random names and binaries in the Windows folder, command lines run straight from the service, images on an admin share.
/// </summary>
internal static partial class RemoteExecution
{
    // PsExec (PSEXESVC, renamed with -r keeps the prefix only in older versions), PAExec, RemCom, CSExec, Impacket's smbexec.
    private static readonly string[] _toolServicePrefixes = ["PSEXESVC", "PAExec", "RemComSvc", "csexecsvc", "BTOBTO"];

    private const int RandomNameLength = 8;

    // Words rarely stack four consonants; random letters usually do.
    private const int ConsonantRun = 4;

    /// <summary>Why a service install looks like a remote-execution tool's, or null when it does not.</summary>
    public static string? PsExecStyle(string? serviceName, string? imagePath)
    {
        var name = serviceName?.Trim() ?? string.Empty;
        var image = imagePath?.Trim() ?? string.Empty;
        if (_toolServicePrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } tool)
            return $"service name of a remote-execution tool ({tool})";
        if (ShellCommand().IsMatch(image))
            return "the service runs a command line (%COMSPEC% / cmd /c / encoded PowerShell)";
        if (AdminShare().IsMatch(image))
            return "the service image is on an admin share";
        var file = Path.GetFileNameWithoutExtension(image.Replace('\\', '/').Split('"', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty);
        if ((LooksRandom(name) || LooksRandom(file)) && WindowsFolderBinary().IsMatch(image))
            return $"random {RandomNameLength}-character service or binary name in the Windows folder";
        return null;
    }

    /// <summary>
    /// Eight letters or digits that do not read like a name: digits among letters, or four consonants in a row (no vowels at all
    /// included); case is ignored, since random generators mix it and names do too.
    /// </summary>
    public static bool LooksRandom(string text)
    {
        if (text.Length != RandomNameLength || !text.All(char.IsAsciiLetterOrDigit))
            return false;
        var digits = text.Count(char.IsAsciiDigit);
        if (digits > 0 && digits < text.Length)
            return true;
        var run = 0;
        var longest = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiLetter(c) && !"aeiouyAEIOUY".Contains(c, StringComparison.Ordinal) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest >= ConsonantRun;
    }

    [GeneratedRegex(@"%comspec%|\bcmd(\.exe)?""?\s+(/q\s+)?/c\b|powershell(\.exe)?""?\s.*-(e|enc|encodedcommand)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShellCommand();

    [GeneratedRegex(@"^""?\\\\[^\\]+\\(admin|[a-z])\$\\", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdminShare();

    // A binary directly in the Windows folder, however the path spells it.
    [GeneratedRegex(@"^""?(%systemroot%|%windir%|\\systemroot|[a-z]:\\windows)\\[^\\]+\.exe""?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WindowsFolderBinary();
}
