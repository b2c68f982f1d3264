using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Knowledge;
using Ooda.Response;
using Ooda.Store;

namespace Ooda.Engine.Response;

/// <summary>
/// Derives a case's remediation plan from its evidence: web-shell files are quarantined, attacker processes killed, created
/// accounts disabled, exploiting addresses and known-bad hashes blocked, mailbox exports and the Import Export role removed,
/// hosts with critical findings isolated and the Exchange servers in scope updated to the build the knowledge base recommends.
/// The runbook steps behind the findings decide who carries each kind out and why; steps that need no evidence (reset
/// credentials, apply a mitigation) are planned once per runbook. Pure: the same input gives the same plan.
/// </summary>
public static partial class ResponsePlanner
{
    private const string WebShell = "T1505.003";
    private const string ExploitPublicFacingApplication = "T1190";

    // Killing these by path would take down the server or Windows itself; the process tree shows what ran under them.
    private static readonly HashSet<string> _protectedImages = new(StringComparer.OrdinalIgnoreCase)
    {
        "w3wp.exe", "lsass.exe", "svchost.exe", "services.exe", "csrss.exe", "wininit.exe", "winlogon.exe", "smss.exe", "system",
        "explorer.exe", "msexchangehmworker.exe", "microsoft.exchange.servicehost.exe", "umworkerprocess.exe",
    };

    private static readonly string[] _imageFields = ["Image", "NewProcessName"];
    private static readonly string[] _pidFields = ["ProcessId", "NewProcessId"];
    // The address that connected: the server saw it, the client could not choose it.
    private static readonly string[] _ipFields = ["c-ip", "ClientIpAddress", "ClientIp", "SourceIp", "SourceAddress", "IpAddress"];

    // Headers the client writes itself: an attacker would put the customer's own gateway there. Shown in the reason, never blocked.
    private static readonly string[] _forwardedFields = ["cs(X-Forwarded-For)", "X-Forwarded-For", "cs(X-Real-IP)", "X-Real-IP", "Forwarded"];

    public static IReadOnlyList<PlannedAction> Plan(ResponsePlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var @case = input.Case;
        var facts = new Dictionary<(ActionKind Kind, string Host, string Subject, string Sha256), Fact>();
        void Add(ActionKind kind, string? host, string subject, Finding finding, string why, params (string Name, string Value)[] parameters)
        {
            // A file re-dropped at the same path with other content is another file to quarantine.
            var sha = FileKinds(kind) ? parameters.FirstOrDefault(p => p.Name == ActionParameters.Sha256).Value?.ToLowerInvariant() ?? string.Empty : string.Empty;
            var key = (kind, host?.ToLowerInvariant() ?? string.Empty, kind is ActionKind.BlockHash ? subject.ToLowerInvariant() : subject, sha);
            if (!facts.TryGetValue(key, out var fact))
                facts[key] = fact = new Fact(kind, host, subject, why);
            fact.Findings.Add(finding);
            foreach (var (name, value) in parameters)
                fact.Parameters.TryAdd(name, value);
        }

        foreach (var f in input.Findings)
        {
            var isWebShell = f.Techniques.Contains(WebShell, StringComparer.OrdinalIgnoreCase) || f.Detector is "webshell" or "yara";
            if (isWebShell && !string.IsNullOrEmpty(f.OriginalPath))
            {
                Add(ActionKind.QuarantineFile, f.Host, f.OriginalPath, f, $"attacker file found: {f.Title}",
                    (ActionParameters.Path, f.OriginalPath), (ActionParameters.Sha256, f.Provenance.Sha256));
                Add(ActionKind.BlockHash, null, f.Provenance.Sha256, f, $"hash of an attacker file found on {f.Host}", (ActionParameters.Sha256, f.Provenance.Sha256));
            }

            if (f.Detector == "ioc" && f.RuleId is { } ioc && HashPattern().IsMatch(ioc))
                Add(ActionKind.BlockHash, null, ioc.ToLowerInvariant(), f, $"known-bad hash seen: {f.Title}", (ActionParameters.Sha256, ioc.ToLowerInvariant()));

            if (Field(f, _imageFields) is { } image && Pid(Field(f, _pidFields)) is { } pid && !_protectedImages.Contains(FileName(image))
                && f.Severity is "high" or "critical")
            {
                Add(ActionKind.KillProcess, f.Host, $"{FileName(image)} (pid {pid})", f, $"attacker process: {f.Title}",
                    (ActionParameters.Image, image), (ActionParameters.ProcessId, pid.ToString(CultureInfo.InvariantCulture)));
            }

            foreach (var (account, domain) in CreatedAccounts(f))
            {
                var local = domain is null || string.Equals(domain, f.Host.Split('.')[0], StringComparison.OrdinalIgnoreCase);
                Add(ActionKind.DisableAccount, f.Host, account, f, $"account created during the intrusion: {f.Title}",
                    (ActionParameters.Account, account), (ActionParameters.Scope, local ? "local" : "domain"));
            }

            if (f.Techniques.Contains(ExploitPublicFacingApplication, StringComparer.OrdinalIgnoreCase))
            {
                var forwarded = Forwarded(f);
                var also = forwarded.Count == 0 ? string.Empty : $" (forwarded-for header said {string.Join(", ", forwarded)}: the client writes it, so it is not blocked)";
                foreach (var address in Addresses(f))
                    Add(ActionKind.BlockIp, null, address, f, $"source of exploitation requests: {f.Title}{also}", (ActionParameters.Address, address));
            }

            var text = string.Join('\n', f.Details.Select(d => d.Value));
            if (text.Contains("New-MailboxExportRequest", StringComparison.OrdinalIgnoreCase) || MailboxExportedPattern().IsMatch(f.Title)
                || MailboxExportedPattern().IsMatch(text))
            {
                var mailbox = MailboxPattern().Match(text) is { Success: true } m ? m.Groups["v"].Value : null;
                Add(ActionKind.RemoveMailboxExportRequests, f.Host, mailbox ?? "all export requests", f, $"mailbox exported: {f.Title}",
                    mailbox is null ? [] : [(ActionParameters.Mailbox, mailbox)]);
            }

            if (text.Contains("Mailbox Import Export", StringComparison.OrdinalIgnoreCase) && text.Contains("New-ManagementRoleAssignment", StringComparison.OrdinalIgnoreCase))
            {
                var assignee = AssigneePattern().Match(text) is { Success: true } m ? m.Groups["v"].Value : null;
                Add(ActionKind.RemoveRoleAssignment, f.Host, assignee ?? "Mailbox Import Export", f, $"role granted to export mailboxes: {f.Title}",
                    assignee is null ? [] : [(ActionParameters.Assignee, assignee)]);
            }
        }

        // An export needs the Mailbox Import Export role: where the grant itself was not seen, every assignment is reviewed and removed.
        foreach (var export in facts.Values.Where(f => f.Kind == ActionKind.RemoveMailboxExportRequests).ToList())
        {
            if (facts.Values.Any(f => f.Kind == ActionKind.RemoveRoleAssignment && string.Equals(f.Host, export.Host, StringComparison.OrdinalIgnoreCase)))
                continue;
            foreach (var finding in export.Findings)
                Add(ActionKind.RemoveRoleAssignment, export.Host, "Mailbox Import Export", finding, "mailboxes were exported, which needs the Mailbox Import Export role");
        }

        var inScope = @case.Hosts.Select(h => h.Host).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var host in inScope.Order(StringComparer.OrdinalIgnoreCase))
        {
            var critical = input.Findings.Where(f => f.Severity == "critical" && string.Equals(f.Host, host, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var f in critical)
                Add(ActionKind.IsolateHost, host, host, f, $"{critical.Count} critical findings on the host");
        }

        var updates = PlanUpdates(input, inScope);
        var primary = PrimaryRunbook(input.Findings);

        // The main runbook's step for a kind wins (its target and words), then the others by id.
        var steps = Steps(input.Runbooks).OrderBy(s => string.Equals(s.Runbook.Id, primary, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList();
        var planned = new List<PlannedAction>();
        foreach (var fact in facts.Values)
        {
            var step = steps.FirstOrDefault(s => s.Kind == fact.Kind);
            planned.Add(Instantiate(input, fact.Kind, step, fact.Host, fact.Subject, fact.Why, fact.Parameters, fact.Findings));
        }

        planned.AddRange(updates.Select(u =>
        {
            var step = steps.FirstOrDefault(s => s.Kind == ActionKind.InstallUpdate);
            var findings = input.Findings.Where(f => string.Equals(f.Host, u.Host, StringComparison.OrdinalIgnoreCase)).ToList();
            return Instantiate(input, ActionKind.InstallUpdate, step, u.Host, u.Subject, u.Why, u.Parameters, findings);
        }));

        // Steps that need no evidence of their own come from the case's main runbook (the one most findings came from), once,
        // on the host its findings point at most; overlapping runbooks (ProxyShell, ProxyNotShell, OWASSRF) would repeat them.
        foreach (var step in steps.Where(s => s.Kind is ActionKind.ResetCredentials or ActionKind.ApplyMitigation or ActionKind.BlockDomain
            && string.Equals(s.Runbook.Id, primary, StringComparison.OrdinalIgnoreCase)))
        {
            var findings = input.Findings.Where(f => f.Sources.Any(s => string.Equals(s.RunbookId, step.Runbook.Id, StringComparison.OrdinalIgnoreCase))).ToList();
            var host = findings.GroupBy(f => f.Host, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .FirstOrDefault()?.Key;
            var description = step.Step.Description.Trim();
            var parameters = new Dictionary<string, string> { [step.Kind == ActionKind.ApplyMitigation ? ActionParameters.Mitigation : ActionParameters.Instructions] = description };
            planned.Add(Instantiate(input, step.Kind, step, host, $"{step.Runbook.Id}: {step.Step.Id}", description, parameters, findings));
        }

        return [.. planned.OrderBy(p => p.Kind).ThenBy(p => p.Host ?? string.Empty, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Subject, StringComparer.Ordinal)];
    }

    /// <summary>The idempotency key of a planned action in a case: the same action planned again gets the same key.</summary>
    public static string KeyOf(string caseId, PlannedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var text = string.Join('\u001F', caseId, ResponseNames.Of(action.Kind), action.Host?.ToLowerInvariant() ?? string.Empty, action.Subject);
        if (FileKinds(action.Kind) && action.Parameters.TryGetValue(ActionParameters.Sha256, out var sha) && sha.Length > 0)
            text += '\u001F' + sha.ToLowerInvariant();
        return "ooda-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32];
    }

    private static PlannedAction Instantiate(ResponsePlanInput input, ActionKind kind, RunbookStep? step, string? host, string subject, string why,
        IReadOnlyDictionary<string, string> parameters, IReadOnlyList<Finding> findings)
    {
        var target = step is not null && ResponseNames.TryParseTarget(step.Step.Target, out var t) ? t : DefaultTarget(kind);
        var ids = findings.Select(f => f.Id).Distinct(StringComparer.Ordinal).ToList();
        var evidence = input.Case.Evidence
            .Where(e => findings.Any(f => string.Equals(f.Provenance.Sha256, e.SourceSha256, StringComparison.OrdinalIgnoreCase)
                && (e.RecordId is null || e.RecordId == f.RecordId) && (e.Line is null || e.Line == f.Provenance.Line)))
            .Select(e => e.Number).Distinct().Order().ToList();
        var reason = step is null || step.Kind is ActionKind.ResetCredentials or ActionKind.ApplyMitigation or ActionKind.BlockDomain
            ? why
            : $"{why}; runbook {step.Runbook.Id}: {step.Step.Description.Trim()}";
        return new PlannedAction
        {
            Kind = kind,
            Target = target,
            Host = host,
            Subject = subject,
            Parameters = new SortedDictionary<string, string>(parameters.ToDictionary(), StringComparer.Ordinal),
            Reason = reason,
            FindingIds = ids,
            EvidenceItems = evidence,
            RunbookStep = step is null ? null : $"{step.Runbook.Reference}#{step.Step.Id}",
        };
    }

    /// <summary>Exchange servers in scope that triage found vulnerable or could not place, with the build the knowledge base recommends.</summary>
    private static List<(string Host, string Subject, string Why, Dictionary<string, string> Parameters)> PlanUpdates(ResponsePlanInput input, HashSet<string> inScope)
    {
        var list = new List<(string, string, string, Dictionary<string, string>)>();
        foreach (var host in input.TriageHosts.Where(h => inScope.Contains(h.Host) && h.Build is not null && h.Status is "vulnerable" or "unknown")
            .DistinctBy(h => h.Host, StringComparer.OrdinalIgnoreCase))
        {
            var assessment = input.KnowledgeBase.Assess(host.Build!);
            if (assessment.Build is null || assessment.RecommendedBuild is not { } recommended)
                continue;
            var release = input.KnowledgeBase.ReleaseOf(recommended);
            var update = release is null ? $"build {recommended}" : $"{release.Product} {release.Cu} {release.SecurityUpdate ?? string.Empty}".TrimEnd()
                + (release.Kb is null ? string.Empty : $" ({release.Kb})");
            var cves = assessment.VulnerableTo.Select(v => v.Cve.Id).ToList();
            var parameters = new Dictionary<string, string>
            {
                [ActionParameters.Build] = recommended.ToString(),
                [ActionParameters.CurrentBuild] = assessment.Build.Value.ToString(),
                [ActionParameters.Update] = update,
            };
            var why = cves.Count == 0
                ? $"build {assessment.Build} is not known to be patched"
                : $"build {assessment.Build} is vulnerable to {string.Join(", ", cves.Take(8))}{(cves.Count > 8 ? $" and {cves.Count - 8} more" : string.Empty)}";
            list.Add((host.Host, $"{update} → {recommended}", why, parameters));
        }

        return list;
    }

    private static List<RunbookStep> Steps(IReadOnlyList<Runbook> runbooks) =>
        [.. runbooks.OrderBy(r => r.Id, StringComparer.Ordinal).SelectMany(r => r.Remediation
            .Select(s => ResponseNames.TryParseKind(s.Action, out var kind) ? new RunbookStep(r, s, kind) : null)
            .OfType<RunbookStep>())];

    private static ActionTarget DefaultTarget(ActionKind kind) => kind switch
    {
        ActionKind.IsolateHost or ActionKind.KillProcess or ActionKind.QuarantineFile or ActionKind.DeleteFile or ActionKind.BlockHash => ActionTarget.Agent,
        _ => ActionTarget.Customer,
    };

    private static string? Field(Finding finding, string[] names)
    {
        foreach (var name in names)
        {
            foreach (var (key, value) in finding.Details)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
                    return value.Trim();
            }
        }

        return null;
    }

    /// <summary>Sysmon gives decimal ids, Security 4688 gives hex (<c>0x1a2c</c>).</summary>
    private static int? Pid(string? text)
    {
        if (text is null)
            return null;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && hex > 4 ? hex : null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 4 ? pid : null;
    }

    private static string FileName(string image)
    {
        var slash = image.LastIndexOfAny(['\\', '/']);
        return slash < 0 ? image : image[(slash + 1)..];
    }

    /// <summary>Security 4720 (a user account was created) and <c>net user … /add</c> command lines.</summary>
    private static IEnumerable<(string Account, string? Domain)> CreatedAccounts(Finding f)
    {
        string? Get(string name) => f.Details.FirstOrDefault(d => string.Equals(d.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        if (f.EventId == 4720 && (Get("SamAccountName") ?? Get("TargetUserName")) is { Length: > 0 } created)
            yield return (created.Trim(), Get("TargetDomainName")?.Trim());
        foreach (var (key, value) in f.Details)
        {
            if (!key.Contains("CommandLine", StringComparison.OrdinalIgnoreCase))
                continue;
            foreach (Match m in NetUserAddPattern().Matches(value))
                yield return (m.Groups["user"].Value.Trim('"'), m.Groups["domain"].Success ? "domain" : null);
        }
    }

    private static bool FileKinds(ActionKind kind) => kind is ActionKind.QuarantineFile or ActionKind.DeleteFile;

    /// <summary>Public client addresses only: blocking a private one would cut the customer's own network.</summary>
    private static IEnumerable<string> Addresses(Finding f)
    {
        foreach (var (key, value) in f.Details)
        {
            if (!_ipFields.Contains(key, StringComparer.OrdinalIgnoreCase))
                continue;
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (IPAddress.TryParse(part, out var address) && IsPublic(address))
                    yield return address.ToString();
            }
        }
    }

    /// <summary>The addresses forwarded-for headers name, as written (clipped): words for the reason, nothing more.</summary>
    private static List<string> Forwarded(Finding f) =>
        [.. f.Details.Where(d => _forwardedFields.Contains(d.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(d => d.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(v => IPAddress.TryParse(v, out var a) ? a.ToString() : null).OfType<string>().Distinct(StringComparer.Ordinal).Take(5)];

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6Multicast || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return b.Length != 4 || !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224);
    }

    [GeneratedRegex("^([0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$")]
    private static partial Regex HashPattern();

    [GeneratedRegex("mailbox(es)? (was |were )?exported|mailbox export", RegexOptions.IgnoreCase)]
    private static partial Regex MailboxExportedPattern();

    [GeneratedRegex("""-Mailbox\s+["']?(?<v>[^"'\s;|]{1,256})""", RegexOptions.IgnoreCase)]
    private static partial Regex MailboxPattern();

    [GeneratedRegex("""-User\s+["']?(?<v>[^"'\s;|]{1,256})""", RegexOptions.IgnoreCase)]
    private static partial Regex AssigneePattern();

    [GeneratedRegex("""\bnet1?(?:\.exe)?\s+user\s+(?<user>"[^"]{1,256}"|[^\s"/]{1,256})\s+.{0,512}?/add\b(?<domain>.{0,64}/domain)?""", RegexOptions.IgnoreCase)]
    private static partial Regex NetUserAddPattern();

    private sealed record RunbookStep(Runbook Runbook, RunbookRemediation Step, ActionKind Kind);

    private sealed record Fact(ActionKind Kind, string? Host, string Subject, string Why)
    {
        public List<Finding> Findings { get; } = [];

        public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The runbook most of the case's findings came from; a finding several runbooks found counts a share to each, so indicators
    /// and checks every Exchange runbook lists do not outvote the one runbook whose own hunts fired.
    /// </summary>
    public static string? PrimaryRunbook(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var weights = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in findings)
        {
            var runbooks = f.Sources.Select(s => s.RunbookId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var id in runbooks)
                weights[id] = weights.GetValueOrDefault(id) + 1.0 / runbooks.Count;
        }

        return weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Key).FirstOrDefault();
    }
}
