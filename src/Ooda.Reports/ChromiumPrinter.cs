using System.Diagnostics;
using System.Text;

namespace Ooda.Reports;

/// <summary>
/// Prints an HTML report to PDF (or its first screen to PNG) with headless Chromium, offline: every request goes to a proxy on
/// 127.0.0.1:9 (the discard port, where nothing listens) and loopback is not exempt, so even a reference that slipped past the
/// page's Content-Security-Policy cannot leave the machine. A throwaway profile; <c>--no-sandbox</c> only when running as root,
/// where Chromium refuses to start without it.
/// </summary>
public static class ChromiumPrinter
{
    private static readonly string[] _names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary><c>OODA_CHROMIUM</c> when it names a file, else the first Chromium on the PATH; null when there is none.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("OODA_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured) ? configured : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in _names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }

        return null;
    }

    /// <summary>Prints <paramref name="htmlPath"/> to an A4 PDF at <paramref name="pdfPath"/>.</summary>
    /// <exception cref="ChromiumNotFoundException">No Chromium; the message says how to install it.</exception>
    /// <exception cref="ChromiumException">Chromium failed, timed out or wrote no PDF.</exception>
    public static Task PrintPdfAsync(string htmlPath, string pdfPath, ChromiumOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(htmlPath, pdfPath, "%PDF"u8.ToArray(), o => ["--no-pdf-header-footer", "--print-to-pdf=" + Path.GetFullPath(pdfPath)], options, cancellationToken);

    /// <summary>Renders the first screen of <paramref name="htmlPath"/> (A4 proportions by default) to a PNG.</summary>
    public static Task ScreenshotAsync(string htmlPath, string pngPath, ChromiumOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(htmlPath, pngPath, [0x89, (byte)'P', (byte)'N', (byte)'G'], o =>
        [
            "--hide-scrollbars", "--force-device-scale-factor=1",
            FormattableString.Invariant($"--window-size={o.ScreenshotWidth},{o.ScreenshotHeight}"), "--screenshot=" + Path.GetFullPath(pngPath),
        ], options, cancellationToken);

    private static async Task RunAsync(string htmlPath, string outputPath, byte[] magic, Func<ChromiumOptions, string[]> outputArguments, ChromiumOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(htmlPath);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        options ??= new ChromiumOptions();
        var executable = options.Executable ?? Find() ?? throw new ChromiumNotFoundException();
        if (!File.Exists(executable))
            throw new ChromiumNotFoundException($"{executable} does not exist. {ChromiumNotFoundException.Advice}");
        var input = Path.GetFullPath(htmlPath);
        if (!File.Exists(input))
            throw new FileNotFoundException($"{input}: no such HTML file to print", input);
        var output = Path.GetFullPath(outputPath);
        File.Delete(output);
        var profile = Directory.CreateTempSubdirectory("ooda-chromium-");
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in Arguments(profile.FullName).Concat(outputArguments(options)))
                start.ArgumentList.Add(argument);
            start.ArgumentList.Add(new Uri(input).AbsoluteUri);

            using var process = Process.Start(start) ?? throw new ChromiumException($"{executable} did not start");
            var stderr = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                lock (stderr)
                {
                    if (e.Data is not null && stderr.Length < 16 * 1024)
                        stderr.AppendLine(e.Data);
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new ChromiumException($"{executable} did not finish {Path.GetFileName(output)} within {options.Timeout.TotalSeconds:0} s");
            }

            if (!StartsWith(output, magic))
            {
                string log;
                lock (stderr)
                    log = stderr.ToString().Trim();
                throw new ChromiumException($"{executable} exited with code {process.ExitCode} and wrote no {Path.GetExtension(output).TrimStart('.').ToUpperInvariant()} to {output}"
                    + (log.Length > 0 ? ": " + Tail(log) : string.Empty));
            }
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A crashed Chromium can leave a lock file behind for a moment; the temp folder is cleaned by the system later.
            }
        }
    }

    private static IEnumerable<string> Arguments(string profile)
    {
        yield return "--headless";
        yield return "--disable-gpu";
        if (IsRoot())
            yield return "--no-sandbox";
        yield return "--user-data-dir=" + profile;
        yield return "--no-first-run";
        yield return "--no-default-browser-check";
        yield return "--disable-extensions";
        yield return "--disable-sync";
        yield return "--disable-background-networking";
        yield return "--disable-component-update";
        yield return "--disable-default-apps";
        yield return "--disable-dev-shm-usage";
        yield return "--mute-audio";
        // Nothing leaves: every request goes to a closed local port, loopback included.
        yield return "--proxy-server=127.0.0.1:9";
        yield return "--proxy-bypass-list=<-loopback>";
        yield return "--run-all-compositor-stages-before-draw";
    }

    private static bool IsRoot() =>
        OperatingSystem.IsLinux() && File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } uid
        && uid.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [_, "0", ..];

    private static bool StartsWith(string path, byte[] magic)
    {
        if (!File.Exists(path))
            return false;
        using var file = File.OpenRead(path);
        var head = new byte[magic.Length];
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan().SequenceEqual(magic);
    }

    private static string Tail(string log)
    {
        var lines = log.Split('\n');
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 4))).Trim();
    }
}
