using System.Net;
using System.Net.Sockets;
using Ooda.Core;
using Ooda.Detection.Runbooks;

namespace Ooda.Engine.Runbooks;

/// <summary>
/// Turns the confirmed findings of an engagement into a lesson for one runbook: attacker addresses and tools, webshell
/// names and hashes, techniques the runbook did not list, and the outside Sigma rules that caught part of the intrusion.
/// </summary>
public static class RunbookLessons
{
    private static readonly string[] _addressFields = ["c-ip", "ClientIpAddress", "ClientIP", "IpAddress", "SourceAddress"];

    private static readonly string[] _agentFields = ["cs(User-Agent)", "cs-user-agent", "UserAgent"];

    /// <summary>Only findings at or above <paramref name="minSeverity"/> count as confirmed; analysts pass the ones they confirmed.</summary>
    public static RunbookLesson From(Runbook runbook, IEnumerable<Finding> findings, string source, string minSeverity = "high", string? author = null)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        ArgumentNullException.ThrowIfNull(findings);
        var minimum = Math.Max(0, RunbookVocabulary.SeverityRank(minSeverity));
        var confirmed = findings.Where(f => RunbookVocabulary.SeverityRank(f.Severity) >= minimum).ToList();
        var iocs = new List<RunbookIoc>();
        var techniques = new List<RunbookTtp>();
        var newHunts = new List<RunbookHunt>();
        foreach (var f in confirmed)
        {
            var where = $"{f.Tenant}/{f.Host}";
            foreach (var value in Values(f, _addressFields).Where(IsPublicAddress))
                iocs.Add(new RunbookIoc("ip", value, $"source of '{f.Title}' on {where}"));
            // Browser strings are shared by millions of clients; only tool-like user agents identify an attacker.
            foreach (var agent in Values(f, _agentFields).Where(a => !a.StartsWith("Mozilla/", StringComparison.Ordinal) && a.Length is > 3 and < 200))
                iocs.Add(new RunbookIoc("user-agent", agent, $"client of '{f.Title}' on {where}"));
            if (f.OriginalPath is { } path && f.Detector is "webshell" or "yara" or "ioc")
            {
                iocs.Add(new RunbookIoc("filename", FileName(path), $"'{f.Title}' on {where}"));
                if (f.Provenance.Sha256.Length == 64)
                    iocs.Add(new RunbookIoc("sha256", f.Provenance.Sha256, $"{FileName(path)}: '{f.Title}' on {where}"));
            }

            foreach (var technique in f.Techniques)
                techniques.Add(new RunbookTtp(technique, $"observed: {f.Title}"));
            if (f.Sources.Count == 0 && f.Detector == "sigma" && f.RuleId is { Length: > 0 } ruleId && Guid.TryParse(ruleId, out _))
            {
                newHunts.Add(new RunbookHunt("sigma-" + ruleId[..8].ToLowerInvariant(), f.Title, RunbookHuntKind.SigmaReference, ruleId,
                    f.Techniques.Where(RunbookVocabulary.IsTechniqueId).ToList(), f.Severity,
                    "a SigmaHQ rule that caught part of the intrusion; runs when its folder is given with --sigma"));
            }
        }

        var confirmedHunts = confirmed.SelectMany(f => f.Sources).Where(s => s.RunbookId == runbook.Id && s.HuntId is not null).Select(s => s.HuntId!)
            .Distinct(StringComparer.Ordinal).ToList();
        return new RunbookLesson(source, Distinct(iocs), techniques.Where(t => RunbookVocabulary.IsTechniqueId(t.Technique)).DistinctBy(t => t.Technique).ToList(),
            confirmedHunts, newHunts.DistinctBy(h => h.Id).ToList(), author);
    }

    private static List<RunbookIoc> Distinct(List<RunbookIoc> iocs) =>
        iocs.GroupBy(i => (i.Type, i.Value.ToLowerInvariant())).Select(g => g.First()).ToList();

    private static IEnumerable<string> Values(Finding f, string[] names) =>
        f.Details.Where(d => names.Contains(d.Key, StringComparer.OrdinalIgnoreCase) && d.Value.Length > 0).Select(d => d.Value);

    private static string FileName(string windowsPath) => windowsPath[(windowsPath.LastIndexOfAny(['\\', '/']) + 1)..];

    private static bool IsPublicAddress(string text)
    {
        if (!IPAddress.TryParse(text, out var address) || IPAddress.IsLoopback(address))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal);
        var b = address.GetAddressBytes();
        return !(b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || b[0] == 0);
    }
}
