using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ooda.Testing;

namespace Ooda.Detection.Tests.Yara.Support;

/// <summary>Runs the <c>yara</c> command-line tool (Debian package <c>yara</c>, same libyara) as the reference.</summary>
internal static class YaraCli
{
    public const string Tool = "/usr/bin/yara";

    /// <summary>The tool's path; skips the test visibly when it is not installed, and fails it under CI.</summary>
    public static string Require()
    {
        if (File.Exists(Tool))
            return Tool;
        if (Corpus.IsCi)
            throw new InvalidOperationException("CI=true but the yara CLI is missing: apt-get install -y yara");
        throw new SkipException("the yara CLI is not installed (apt-get install -y yara) — reference comparison skipped.");
    }

    /// <summary>The "number of rules" <c>yara -S</c> prints after compiling each file into its own namespace.</summary>
    public static int RuleCount(IReadOnlyList<string> rulesFiles, IReadOnlyDictionary<string, string> externals)
    {
        var info = new ProcessStartInfo(Require()) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-S");
        info.ArgumentList.Add("-w");
        foreach (var (name, value) in externals)
        {
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add($"{name}={value}");
        }

        for (var i = 0; i < rulesFiles.Count; i++)
            info.ArgumentList.Add($"ns{i}:{rulesFiles[i]}");
        info.ArgumentList.Add("/dev/null");
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"yara exited with {process.ExitCode}: {stderr.Result}");
        var line = output.Split('\n').Single(l => l.StartsWith("number of rules", StringComparison.Ordinal));
        return int.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <c>yara -s -L -e -w</c> with the given externals: one line per rule (<c>ns:rule</c>) and per string match
    /// (<c>ns:rule $id@offset+length</c>), sorted.
    /// </summary>
    public static List<string> Matches(string rulesFile, string ruleNamespace, string target, IReadOnlyDictionary<string, string> externals)
    {
        var info = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { "-s", "-L", "-e", "-w" })
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in externals)
        {
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add($"{name}={value}");
        }

        info.ArgumentList.Add(ruleNamespace + ":" + rulesFile);
        info.ArgumentList.Add(target);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"yara exited with {process.ExitCode}: {stderr.Result}");
        var lines = new List<string>();
        var rule = "";
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith("0x", StringComparison.Ordinal))
            {
                rule = line[..line.IndexOf(' ', StringComparison.Ordinal)];
                lines.Add(rule);
                continue;
            }

            // 0x<offset>:<length>:$<identifier>: <data>
            var parts = line.Split(':', 4);
            var offset = long.Parse(parts[0].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            lines.Add($"{rule} {parts[2]}@{offset}+{parts[1]}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
