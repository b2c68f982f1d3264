using Ooda.Core;

namespace Ooda.Detection.Webshells.Internal;

/// <summary>Which servers have which web folders, pages and page contents: the prevalence side of the checks.</summary>
internal sealed class FleetView
{
    private readonly Dictionary<string, HashSet<string>> _folderHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _contentHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _nameHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _webHosts = new(StringComparer.OrdinalIgnoreCase);

    public FleetView(IEnumerable<(CapturedFile File, WebPath Path)> web, HashSet<string> webExtensions)
    {
        foreach (var (file, path) in web)
        {
            var host = HostKey(file);
            Add(_folderHosts, path.Folder, host);
            if (!webExtensions.Contains(path.Extension))
                continue;
            _webHosts.Add(host);
            Add(_nameHosts, path.Name, host);
            if (file.Sha256.Length > 0)
                Add(_contentHosts, ContentKey(path, file.Sha256), host);
        }
    }

    /// <summary>One server: hosts are named within their tenant.</summary>
    public static string HostKey(CapturedFile file) => file.Tenant + "/" + file.Host;

    /// <summary>Why the page is rare in the fleet, or null when it is not (or the fleet is too small to say).</summary>
    public string? Rarity(CapturedFile file, WebPath path, int minServers)
    {
        var folderServers = _folderHosts.GetValueOrDefault(path.Folder)?.Count ?? 0;
        if (folderServers >= minServers && file.Sha256.Length > 0
            && _contentHosts.GetValueOrDefault(ContentKey(path, file.Sha256))?.Count == 1)
        {
            return $"its content at {path.Relative} (SHA-256 {file.Sha256}) is on this server only, while {path.Folder} exists on {folderServers} servers";
        }

        if (_webHosts.Count >= minServers && _nameHosts.GetValueOrDefault(path.Name)?.Count == 1)
            return $"no other of the {_webHosts.Count} servers with web files has a page named {path.Name}";
        return null;
    }

    private static string ContentKey(WebPath path, string sha256) => path.Relative + "\0" + sha256;

    private static void Add(Dictionary<string, HashSet<string>> map, string key, string host)
    {
        if (!map.TryGetValue(key, out var hosts))
            map[key] = hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        hosts.Add(host);
    }
}
