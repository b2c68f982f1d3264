using Ooda.Store;

namespace Ooda.Investigation.Lateral.Internal;

/// <summary>
/// Turns the store's grouped logons, explicit credentials, connections and execution artefacts into edges between resolved hosts,
/// then hands them to <see cref="EdgeClassifier"/>.
/// </summary>
internal sealed class LateralGraphBuilder
{
    private static readonly HashSet<string> _anonymousUsers = new(["ANONYMOUS LOGON", "-"], StringComparer.OrdinalIgnoreCase);

    private readonly LateralGraphRequest _request;
    private readonly LateralGraphOptions _options;
    private readonly HostDirectory _directory;
    private readonly Dictionary<EdgeKey, EdgeAccumulator> _edges = [];
    private readonly Dictionary<EdgeKey, HashSet<DateOnly>> _days = [];
    private readonly Dictionary<EdgeKey, long> _totals = [];
    private readonly Dictionary<string, HostNodeInfo> _nodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly AuthenticationNorms _norms = new();
    private readonly List<LateralEvidence> _unattributed = [];

    public LateralGraphBuilder(LateralGraphRequest request, HostDirectory directory)
    {
        _request = request;
        _options = request.Options;
        _directory = directory;
    }

    public LateralGraph Build(Workspace workspace, CancellationToken cancellationToken)
    {
        var query = new LateralQuery(_request.Tenant, _request.From, _request.To, _options.EvidencePerEdge, _options.TieWindow);
        var set = workspace.QueryLateral(query, cancellationToken);
        return Build(set.Logons, set.ExplicitCredentials, set.Artefacts, set.Connections);
    }

    /// <summary>Builds from rows already read (the store's queries, or tests').</summary>
    public LateralGraph Build(
        IReadOnlyList<LateralLogonGroup> logons,
        IReadOnlyList<LateralCredentialGroup> credentials,
        IReadOnlyList<LateralArtefact> artefacts,
        IReadOnlyList<LateralConnectionGroup> connections)
    {
        foreach (var group in logons)
            AddLogons(group);
        foreach (var group in credentials)
            AddCredentials(group);
        foreach (var artefact in artefacts)
            AddArtefact(artefact);
        foreach (var group in connections)
            AddConnections(group);

        var seeds = _request.SeedHosts.Select(_directory.Canonical).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var seed in seeds)
            Node(new HostEndpoint(seed, _directory.Knows(seed)));
        var candidates = _edges.Values.Where(e => e.Count > 0).ToList();
        var classifier = new EdgeClassifier(_options, _norms, key => _days.GetValueOrDefault(key)?.Count ?? 0, key => _totals.GetValueOrDefault(key));
        var (edges, reached) = classifier.Classify(candidates, seeds);
        var hops = classifier.Hops;
        var nodes = _nodes.Values
            .Where(n => seeds.Contains(n.Name, StringComparer.OrdinalIgnoreCase) || edges.Any(e => Same(e.Source, n.Name) || Same(e.Target, n.Name)))
            .Select(n => new LateralNode(n.Name, n.Resolved, seeds.Contains(n.Name, StringComparer.OrdinalIgnoreCase),
                hops.ContainsKey(n.Name) && !seeds.Contains(n.Name, StringComparer.OrdinalIgnoreCase),
                hops.TryGetValue(n.Name, out var hop) ? hop : null,
                [.. n.Aliases.Where(a => !Same(a, n.Name)).Order(StringComparer.OrdinalIgnoreCase)]))
            .OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var resolved = nodes.Where(n => n.Resolved).Select(n => n.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new LateralGraph(_request.Tenant, _request.From, _request.To, seeds, nodes, edges,
            [.. reached.Where(r => resolved.Contains(r.Host))],
            [.. _unattributed.OrderBy(e => e.Time).ThenBy(e => e.Host, StringComparer.OrdinalIgnoreCase)]);
    }

    private void AddLogons(LateralLogonGroup group)
    {
        var user = EvidenceSummaries.Present(group.User);
        if (user is null || _anonymousUsers.Contains(user))
            return;
        var target = new HostEndpoint(_directory.Canonical(group.Host), true);
        if (_directory.Resolve(group.IpAddress, group.Workstation) is not { } source || Same(source.Name, target.Name))
            return;
        var key = EdgeKey.Of(source.Name, target.Name, user);
        AddBaseline(key, group.Days, group.TotalCount);
        if (group.LogonType == 3)
            _norms.Add(source.Name, target.Name, user, group.AuthPackage, group.TotalCount);
        if (group.WindowCount == 0)
            return;
        Node(source, group.IpAddress, group.Workstation);
        Node(target);
        var edge = Edge(key, source, target);
        edge.AddAccountForm(EvidenceSummaries.Account(group.Domain, user), group.WindowCount);
        edge.AddWindow(group.WindowCount, group.WindowFirst, group.WindowLast);
        edge.Techniques.Add(group.LogonType == 10 ? LateralTechniques.RemoteDesktop : LateralTechniques.ValidAccounts);
        edge.LogonTypes.Add(group.LogonType);
        if (group.LogonType == 3 && AuthenticationNorms.IsNtlm(group.AuthPackage))
            edge.NtlmLogons += group.WindowCount;
        var summary = EvidenceSummaries.Logon(group);
        edge.Evidence.AddRange(group.Evidence.Select(e => Evidence(e, summary)));
    }

    private void AddCredentials(LateralCredentialGroup group)
    {
        var user = EvidenceSummaries.Present(group.User);
        if (user is null || _anonymousUsers.Contains(user))
            return;
        var source = new HostEndpoint(_directory.Canonical(group.Host), true);
        if (_directory.Resolve(null, group.TargetServer) is not { } target || Same(source.Name, target.Name))
            return;
        var key = EdgeKey.Of(source.Name, target.Name, user);
        AddBaseline(key, group.Days, group.TotalCount);
        if (group.WindowCount == 0)
            return;
        Node(source);
        Node(target, group.TargetServer);
        var edge = Edge(key, source, target);
        edge.AddAccountForm(EvidenceSummaries.Account(group.Domain, user), group.WindowCount);
        edge.AddWindow(group.WindowCount, group.WindowFirst, group.WindowLast);
        edge.Techniques.Add(LateralTechniques.ForServicePrincipal(group.TargetInfo));
        if (EvidenceSummaries.Present(group.Process) is { } process)
            edge.Tools.Add(process);
        var summary = EvidenceSummaries.Credentials(group);
        edge.Evidence.AddRange(group.Evidence.Select(e => Evidence(e, summary)));
    }

    private void AddArtefact(LateralArtefact artefact)
    {
        var psexec = artefact.Kind == LateralArtefactKind.ServiceInstall ? RemoteExecution.PsExecStyle(artefact.Name, artefact.Detail) : null;
        var (logon, tie) = Tie(artefact, psexec is not null);
        var evidence = Evidence(artefact.Evidence, EvidenceSummaries.Artefact(artefact));
        var target = new HostEndpoint(_directory.Canonical(artefact.Host), true);
        var source = logon is null ? null : _directory.Resolve(logon.IpAddress, logon.Workstation);
        var user = EvidenceSummaries.Present(logon?.User);
        if (logon is null || source is not { } from || user is null || Same(from.Name, target.Name))
        {
            // Without a remote logon a service install is ordinary; a tool's service or a WMI/WinRM child still deserves a look.
            if (psexec is not null || artefact.Kind == LateralArtefactKind.RemoteProcess)
                _unattributed.Add(evidence);
            return;
        }

        Node(from, logon.IpAddress, logon.Workstation);
        Node(target);
        var key = EdgeKey.Of(from.Name, target.Name, user);
        var edge = Edge(key, from, target);
        if (_request.From is { } start && logon.Time < start)
        {
            // The logon fell just before the window; it belongs to the edge all the same.
            edge.AddWindow(1, logon.Time, logon.Time);
            edge.AddAccountForm(EvidenceSummaries.Account(logon.Domain, user), 1);
            edge.Evidence.Add(Evidence(logon.Evidence, EvidenceSummaries.Logon(logon)));
        }

        edge.AddWindow(1, artefact.Time, artefact.Time);
        edge.Artefacts.Add(evidence);
        var delay = EvidenceSummaries.Duration(artefact.Time - logon.Time);
        if (artefact.Kind == LateralArtefactKind.ServiceInstall)
        {
            edge.Techniques.Add(LateralTechniques.ServiceExecution);
            if (psexec is not null)
                edge.Techniques.Add(LateralTechniques.SmbAdminShares);
            edge.Executions.Add(psexec is not null
                ? $"PsExec-style service {artefact.Name} installed {delay} after the logon: {psexec}"
                : $"service {artefact.Name} installed {delay} after the logon, {tie}");
        }
        else
        {
            var winrm = EvidenceSummaries.FileName(artefact.Parent).Equals("wsmprovhost.exe", StringComparison.OrdinalIgnoreCase);
            edge.Techniques.Add(winrm ? LateralTechniques.WinRm : LateralTechniques.Wmi);
            edge.Executions.Add($"{EvidenceSummaries.FileName(artefact.Name)} started remotely through {(winrm ? "WinRM" : "WMI")} {delay} after the logon, {tie}");
        }
    }

    /// <summary>
    /// The logon an artefact rode: the one of its session; else the latest in the tie window by the installing account; else, for a
    /// remote-execution tool's service, the latest network logon in the tie window.
    /// </summary>
    private (LateralLogon? Logon, string How) Tie(LateralArtefact artefact, bool toolService)
    {
        if (IsSession(artefact.LogonId) && artefact.Logons.FirstOrDefault(l => string.Equals(l.LogonId, artefact.LogonId, StringComparison.OrdinalIgnoreCase)) is { } session)
            return (session, "in its session");
        var recent = artefact.Logons.Where(l => l.Time >= artefact.Time - _options.TieWindow).OrderByDescending(l => l.Time).ToList();
        if (EvidenceSummaries.Present(artefact.InstallerSid) is { } sid && recent.FirstOrDefault(l => string.Equals(l.UserSid, sid, StringComparison.OrdinalIgnoreCase)) is { } byAccount)
            return (byAccount, "by the logged-on account");
        if (toolService && recent.FirstOrDefault(l => l.LogonType == 3) is { } latest)
            return (latest, "the latest network logon before it");
        return (null, string.Empty);
    }

    private static bool IsSession(string? logonId) =>
        EvidenceSummaries.Present(logonId) is { } id && id is not ("0x0" or "0x3e7" or "0x3E7" or "0x3e4" or "0x3e5");

    private void AddConnections(LateralConnectionGroup group)
    {
        HostEndpoint? source, target;
        if (group.Initiated)
        {
            source = new HostEndpoint(_directory.Canonical(group.Host), true);
            target = _directory.Resolve(group.DestinationIp, group.DestinationHostname);
        }
        else
        {
            source = _directory.Resolve(group.SourceIp, group.SourceHostname);
            target = new HostEndpoint(_directory.Canonical(group.Host), true);
        }

        if (source is not { } from || target is not { } to || Same(from.Name, to.Name))
            return;
        var user = EvidenceSummaries.UserOf(EvidenceSummaries.Present(group.User) ?? "?");
        var key = EdgeKey.Of(from.Name, to.Name, user);
        AddBaseline(key, group.Days, group.TotalCount);
        if (group.WindowCount == 0 || group.WindowFirst is not { } first || group.WindowLast is not { } last)
            return;
        Node(from, group.Initiated ? null : group.SourceIp, group.Initiated ? null : group.SourceHostname);
        Node(to, group.Initiated ? group.DestinationIp : null, group.Initiated ? group.DestinationHostname : null);

        // A connection and the logon it carried are one movement: attach it to the pair's edge that is active at the same time.
        var edge = _edges.Values
            .Where(e => Same(e.Source.Name, from.Name) && Same(e.Target.Name, to.Name) && e.LogonTypes.Count + e.Artefacts.Count > 0
                && e.Overlaps(first, last, _options.CorrelationWindow))
            .OrderBy(e => (e.First!.Value - first).Duration())
            .ThenBy(e => e.Key.User, StringComparer.Ordinal)
            .FirstOrDefault();
        if (edge is null)
        {
            edge = Edge(key, from, to);
            edge.AddAccountForm(EvidenceSummaries.Present(group.User) ?? "?", group.WindowCount);
        }

        edge.AddWindow(group.WindowCount, first, last);
        if (LateralTechniques.ForPort(group.DestinationPort) is { } technique)
            edge.Techniques.Add(technique);
        if (EvidenceSummaries.Present(group.Image) is { } image)
            edge.Tools.Add(image);
        var summary = EvidenceSummaries.Connection(group);
        edge.Evidence.AddRange(group.Evidence.Select(e => Evidence(e, summary)));
    }

    private void AddBaseline(EdgeKey key, IReadOnlyList<DateOnly> days, long total)
    {
        if (!_days.TryGetValue(key, out var set))
            _days[key] = set = [];
        set.UnionWith(days);
        _totals[key] = _totals.GetValueOrDefault(key) + total;
    }

    private EdgeAccumulator Edge(EdgeKey key, HostEndpoint source, HostEndpoint target)
    {
        if (!_edges.TryGetValue(key, out var edge))
            _edges[key] = edge = new EdgeAccumulator(source, target, key);
        return edge;
    }

    private void Node(HostEndpoint endpoint, params string?[] aliases)
    {
        if (!_nodes.TryGetValue(endpoint.Name, out var node))
            _nodes[endpoint.Name] = node = new HostNodeInfo(endpoint.Name, endpoint.Resolved);
        foreach (var alias in aliases)
        {
            if (EvidenceSummaries.Present(alias) is { } text)
                node.Aliases.Add(HostDirectory.NormalizeAddress(text) ?? text);
        }
    }

    private static LateralEvidence Evidence(LateralEvidenceRef e, string summary) =>
        new(e.Time, e.Host, EvidenceSummaries.SourceLabel(e.Channel, e.EventId), summary, e.RecordId, e.Provenance);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
