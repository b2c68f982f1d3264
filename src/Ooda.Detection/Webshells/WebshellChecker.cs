using System.Globalization;
using Ooda.Core;
using Ooda.Detection.Webshells.Internal;

namespace Ooda.Detection.Webshells;

/// <summary>
/// Looks for webshells among the captured files of a fleet: PST-shaped pages (ProxyShell), server-side eval/exec stubs,
/// pages only one server has, and pages written well after Exchange was installed. Only files under a web root that a
/// web server would serve are considered; stock Exchange and IIS files are flagged only when their content hits.
/// </summary>
/// <remarks>
/// Severity: the PST and stub checks carry their own (critical/high/medium). Rarity is low alone and medium beside another
/// hit; age is medium alone and high beside a content hit. Rarity compares the files passed in one call, so pass a fleet
/// (a tenant, or several tenants running the same Exchange builds).
/// </remarks>
public sealed class WebshellChecker
{
    /// <summary>[MS-PST] 2.2.2.6 HEADER.dwMagic.</summary>
    private static readonly byte[] _pstMagic = "!BDN"u8.ToArray();

    private readonly ContentScanner _content;
    private readonly PathPattern[] _knownGood;
    private readonly HashSet<string> _webExtensions;

    public WebshellChecker(WebshellOptions? options = null)
    {
        Options = options ?? WebshellOptions.Default;
        _content = new ContentScanner(Options.Patterns, Options.MaxContentBytes);
        _knownGood = Options.KnownGood.Select(p => new PathPattern(p)).ToArray();
        _webExtensions = new HashSet<string>(Options.WebExtensions, StringComparer.OrdinalIgnoreCase);
    }

    public WebshellOptions Options { get; }

    /// <summary>True when <paramref name="originalPath"/> is a file a web server under one of the web roots would serve.</summary>
    public bool IsWebServed(string originalPath)
    {
        ArgumentNullException.ThrowIfNull(originalPath);
        var web = WebPath.Parse(originalPath, Options.WebRoots);
        return web is not null && _webExtensions.Contains(web.Extension);
    }

    /// <summary>
    /// Runs every check over <paramref name="files"/>; <paramref name="openContent"/> gives a file's content (null when it
    /// was not kept). Findings come sorted by tenant, host, path and check.
    /// </summary>
    /// <param name="diagnostics">Receives a line for each file whose content could not be read.</param>
    public IReadOnlyList<WebshellFinding> Check(
        IReadOnlyCollection<CapturedFile> files,
        Func<CapturedFile, Stream?> openContent,
        ICollection<Diagnostic>? diagnostics = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(openContent);
        var web = files
            .Select(f => (File: f, Path: WebPath.Parse(f.OriginalPath, Options.WebRoots)))
            .Where(p => p.Path is not null)
            .Select(p => (p.File, Path: p.Path!))
            .ToList();
        var fleet = new FleetView(web, _webExtensions);
        var installs = InstallTimes(files);
        var findings = new List<WebshellFinding>();
        foreach (var (file, path) in web)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_webExtensions.Contains(path.Extension))
                CheckFile(file, path, fleet, installs, openContent, findings, diagnostics, cancellationToken);
        }

        return findings
            .OrderBy(f => f.File.Tenant, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.File.Host, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.File.OriginalPath, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => CheckOrder(f.Check))
            .ToList();
    }

    private void CheckFile(
        CapturedFile file,
        WebPath path,
        FleetView fleet,
        Dictionary<string, Install> installs,
        Func<CapturedFile, Stream?> openContent,
        List<WebshellFinding> findings,
        ICollection<Diagnostic>? diagnostics,
        CancellationToken cancellationToken)
    {
        var content = ReadContent(file, openContent, diagnostics, cancellationToken);
        var head = file.FirstBytes is { Length: >= 4 } ? file.FirstBytes : content?.Head ?? file.FirstBytes ?? [];
        var contentHits = 0;
        if (head.AsSpan().StartsWith(_pstMagic))
        {
            contentHits++;
            findings.Add(new WebshellFinding(file, WebshellCheck.PstInWebFile, "critical",
                $"a {path.Extension} page that is a PST (starts with \"!BDN\"): a mailbox exported into the web root, as ProxyShell does"));
        }

        foreach (var (pattern, offset) in content?.Hits ?? [])
        {
            contentHits++;
            findings.Add(new WebshellFinding(file, WebshellCheck.ScriptStub, pattern.Severity,
                $"{pattern.Name} at byte offset {offset}: {pattern.Reason}"));
        }

        if (contentHits == 0 && _knownGood.Any(p => p.Matches(path.Relative)))
            return;
        var rare = fleet.Rarity(file, path, Options.MinServersForPrevalence);
        var newer = Newer(file, installs);
        if (rare is not null)
        {
            var severity = contentHits > 0 || newer is not null ? "medium" : "low";
            findings.Add(new WebshellFinding(file, WebshellCheck.RareInFleet, severity, rare));
        }

        if (newer is not null)
            findings.Add(new WebshellFinding(file, WebshellCheck.NewerThanExchange, contentHits > 0 ? "high" : "medium", newer));
    }

    private ContentResult? ReadContent(CapturedFile file, Func<CapturedFile, Stream?> openContent, ICollection<Diagnostic>? diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = openContent(file);
            return stream is null ? null : _content.Scan(stream, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            diagnostics?.Add(new Diagnostic(file.SourcePath, "", $"content not checked for webshell stubs: {e.Message}", DiagnosticSeverity.Warning));
            return null;
        }
    }

    private string? Newer(CapturedFile file, Dictionary<string, Install> installs)
    {
        if (!installs.TryGetValue(FleetView.HostKey(file), out var install) || file.Modified <= install.Time + Options.NewerThanInstallMargin)
            return null;
        var days = (file.Modified - install.Time).TotalDays;
        return string.Create(CultureInfo.InvariantCulture,
            $"modified {Iso(file.Modified)}, {days:F0} days after Exchange was installed on {file.Host} (estimated {Iso(install.Time)}, the median of {install.Files} files under {Options.InstallMarkerFolder.Trim('\\')})");
    }

    /// <summary>Per host, the median modification time of the files under the install marker folder.</summary>
    private Dictionary<string, Install> InstallTimes(IEnumerable<CapturedFile> files)
    {
        var marker = Options.InstallMarkerFolder.Replace('/', '\\');
        return files
            .Where(f => f.OriginalPath.Replace('/', '\\').Contains(marker, StringComparison.OrdinalIgnoreCase))
            .GroupBy(FleetView.HostKey, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var times = g.Select(f => f.Modified).Order().ToList();
                    return new Install(times[(times.Count - 1) / 2], times.Count);
                },
                StringComparer.OrdinalIgnoreCase);
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static int CheckOrder(string check) => check switch
    {
        WebshellCheck.PstInWebFile => 0,
        WebshellCheck.ScriptStub => 1,
        WebshellCheck.RareInFleet => 2,
        _ => 3,
    };

    private readonly record struct Install(DateTime Time, int Files);
}
