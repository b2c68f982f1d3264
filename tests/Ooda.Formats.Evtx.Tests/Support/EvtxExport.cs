using System.Diagnostics;
using System.Text;
using Ooda.Testing;

namespace Ooda.Formats.Evtx.Tests.Support;

/// <summary>Runs libevtx's <c>evtxexport</c> (Debian package <c>libevtx-utils</c>) as the reference implementation.</summary>
internal static class EvtxExport
{
    public const string Tool = "/usr/bin/evtxexport";

    /// <summary>The tool's path; skips the test visibly when it is not installed, and fails it under CI.</summary>
    public static string Require()
    {
        if (File.Exists(Tool))
            return Tool;
        if (Corpus.IsCi)
            throw new InvalidOperationException("CI=true but evtxexport is missing: apt-get install -y libevtx-utils");
        throw new SkipException("evtxexport is not installed (apt-get install -y libevtx-utils) — reference comparison skipped.");
    }

    /// <summary>Each record's XML as evtxexport prints it (<c>-f xml</c>), in file order.</summary>
    public static List<string> ExportXml(string path)
    {
        var info = new ProcessStartInfo(Tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add("xml");
        info.ArgumentList.Add(path);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var records = new List<string>();
        var current = new StringBuilder();
        var inRecord = false;
        var output = process.StandardOutput.ReadToEnd();
        foreach (var line in output.Split('\n'))
        {
            if (!inRecord && line.StartsWith("<Event", StringComparison.Ordinal))
                inRecord = true;
            if (!inRecord)
                continue;
            current.Append(line).Append('\n');
            if (line == "</Event>")
            {
                records.Add(current.ToString());
                current.Clear();
                inRecord = false;
            }
        }

        process.WaitForExit();
        _ = stderr.Result;
        return records;
    }
}
