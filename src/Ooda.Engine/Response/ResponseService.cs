using System.Security.Cryptography;
using System.Text;
using Ooda.Detection.Runbooks;
using Ooda.Investigation.Cases;
using Ooda.Knowledge;
using Ooda.Response;
using Ooda.Store;

namespace Ooda.Engine.Response;

/// <summary>
/// The respond use cases over a workspace: plan a case's remediation, record approvals and rejections, dispatch through the
/// gate (the webhook or another connector for endpoint-agent actions, the script for customer steps, a notice for the
/// customer), mark results, and report status. Every state change is audited by the store in the same transaction.
/// </summary>
public static class ResponseService
{
    /// <summary>The policy in force for a tenant: its explicit setting, else the latest triage inventory's response_mode, else notify.</summary>
    public static ResponsePolicy PolicyFor(Workspace workspace, string tenant)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(tenant);
        var inventory = workspace.LatestTriage()?.Hosts.Where(h => string.Equals(h.Tenant, tenant, StringComparison.OrdinalIgnoreCase)).Select(h => h.ResponseMode) ?? [];
        return ResponsePolicy.Resolve(tenant, workspace.GetTenantResponse(tenant), inventory);
    }

    /// <summary>Plans the case's actions from its findings and stores the new ones; planning again adds only what is new.</summary>
    public static ResponsePlanResult Plan(Workspace workspace, string caseId, RunbookLibrary runbooks, string actor, DateTime? at = null,
        ExchangeKnowledgeBase? knowledgeBase = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(runbooks);
        var @case = RequireCase(workspace, caseId);
        var findings = CaseService.FindingsOf(workspace, @case);
        var behind = findings.SelectMany(f => f.Sources)
            .Select(s => runbooks.Find(s.Reference) ?? runbooks.Find(s.RunbookId))
            .OfType<Runbook>().DistinctBy(r => r.Reference, StringComparer.Ordinal).ToList();
        var triage = workspace.LatestTriage()?.Hosts.Where(h => string.Equals(h.Tenant, @case.Tenant, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
        var planned = ResponsePlanner.Plan(new ResponsePlanInput
        {
            Case = @case,
            Findings = findings,
            Runbooks = behind,
            TriageHosts = triage,
            KnowledgeBase = knowledgeBase ?? ExchangeKnowledgeBase.Embedded,
        });
        var policy = PolicyFor(workspace, @case.Tenant);
        var drafts = planned.Select(p => new StoredActionDraft
        {
            CaseId = @case.Id,
            Tenant = @case.Tenant,
            Kind = ResponseNames.Of(p.Kind),
            Target = ResponseNames.Of(p.Target),
            Host = p.Host,
            Subject = p.Subject,
            Parameters = p.Parameters,
            Reason = p.Reason,
            FindingIds = p.FindingIds,
            EvidenceItems = p.EvidenceItems,
            State = ResponseNames.Of(ResponseGate.InitialState(policy.Mode, p.Target)),
            IdempotencyKey = ResponsePlanner.KeyOf(@case.Id, p),
            Mode = ResponseNames.Of(policy.Mode),
        }).ToList();
        var added = workspace.AddActions(drafts, actor, at);
        return new ResponsePlanResult(@case, policy, planned, added, workspace.ListActions(@case.Id));
    }

    /// <summary>
    /// Records the customer's approval of each action: who, when, through which channel, in what words. The actions must be
    /// of one tenant; in collaborate mode the approval must name who gave it, and where the tenant names contacts, one of them
    /// (by name or channel).
    /// </summary>
    public static IReadOnlyList<StoredAction> Approve(Workspace workspace, IEnumerable<string> actionIds, ActionApproval approval, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(actionIds);
        ArgumentNullException.ThrowIfNull(approval);
        var via = ActionApproval.NormalizeChannel(approval.Via)
            ?? throw new ResponseRuleException($"approval channel '{approval.Via}' is not one of {string.Join(", ", ActionApproval.Channels)}");
        var actions = actionIds.Select(id => RequireAction(workspace, id)).DistinctBy(a => a.Id).ToList();
        if (actions.Count == 0)
            return [];
        var tenants = actions.Select(a => a.Tenant).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tenants.Count > 1)
            throw new ResponseRuleException($"the actions belong to several tenants ({string.Join(", ", tenants)}); an approval is one customer's: approve each tenant's actions separately");
        foreach (var action in actions)
        {
            var state = ResponseNames.StateOf(action);
            if (!ActionLifecycle.CanApprove(state))
                throw new ResponseRuleException($"action {action.Id} is {action.State}; only proposed or awaiting-approval actions can be approved");
        }

        var policy = PolicyFor(workspace, tenants[0]);
        var by = string.IsNullOrWhiteSpace(approval.AuthorizedBy) ? null : approval.AuthorizedBy.Trim();
        if (policy.Mode == ResponseMode.Collaborate)
        {
            if (by is null)
                throw new ResponseRuleException($"tenant {policy.Tenant} is in collaborate mode: name the customer's contact who approved (--by)");
            if (policy.Contacts.Count > 0 && policy.FindContact(by) is null)
                throw new ResponseRuleException($"'{by}' is not one of tenant {policy.Tenant}'s contacts ({string.Join("; ", policy.ContactLabels())}); only they can approve");
        }

        return [.. actions.Select(action => Move(workspace, action, new StoredActionChange(StoredActionStates.Approved, action.State)
        {
            Via = via,
            AuthorizedBy = by,
            Mode = ResponseNames.Of(policy.Mode),
            Note = approval.Note,
        }, actor, at))];
    }

    public static StoredAction Reject(Workspace workspace, string actionId, string reason, string actor, string? authorizedBy = null, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ResponseRuleException("a rejection needs a reason");
        var action = RequireAction(workspace, actionId);
        if (!ActionLifecycle.CanMove(ResponseNames.StateOf(action), ActionState.Rejected))
            throw new ResponseRuleException($"action {action.Id} is {action.State} and can no longer be rejected");
        return Move(workspace, action, new StoredActionChange(StoredActionStates.Rejected, action.State)
        {
            AuthorizedBy = authorizedBy,
            Mode = ResponseNames.Of(PolicyFor(workspace, action.Tenant).Mode),
            Note = reason,
        }, actor, at);
    }

    /// <summary>Records the result of a dispatched action reported outside a connector (the customer ran the script, the agent called back).</summary>
    public static StoredAction Complete(Workspace workspace, string actionId, bool succeeded, string? note, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var action = RequireAction(workspace, actionId);
        if (ResponseNames.StateOf(action) != ActionState.Dispatched)
            throw new ResponseRuleException($"action {action.Id} is {action.State}; only a dispatched action can be marked done or failed");
        return Move(workspace, action, new StoredActionChange(succeeded ? StoredActionStates.Done : StoredActionStates.Failed, action.State)
        {
            Via = "report",
            Mode = ResponseNames.Of(PolicyFor(workspace, action.Tenant).Mode),
            Note = note,
        }, actor, at);
    }

    /// <summary>
    /// Runs every action of the case through the gate: sends what it allows to the connector (and records the answer), hands
    /// customer steps over in the script, recommends everything in notify mode, and writes the notice for the customer.
    /// </summary>
    public static async Task<DispatchReport> DispatchAsync(Workspace workspace, string caseId, DispatchRequest request, string actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(request);
        var @case = RequireCase(workspace, caseId);
        var policy = PolicyFor(workspace, @case.Tenant);
        var mode = ResponseNames.Of(policy.Mode);
        var handOver = request.ScriptPath is not null || request.NoticePath is not null;
        var outcomes = new List<DispatchOutcome>();
        var forCustomer = new List<string>();
        foreach (var action in workspace.ListActions(@case.Id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var decision = ResponseGate.Decide(policy, action, request.Unreachable);
            DispatchOutcome Outcome(StoredAction now, string? detail) => new(action.Id, decision.Verdict, decision.Reason, now.State, detail);
            try
            {
                switch (decision.Verdict)
                {
                    case GateVerdict.Recommend:
                    {
                        forCustomer.Add(action.Id);
                        var now = action;
                        if (handOver && action.State == StoredActionStates.Proposed)
                        {
                            now = Move(workspace, action, new StoredActionChange(StoredActionStates.Proposed, StoredActionStates.Proposed)
                            {
                                Via = "notice",
                                Mode = mode,
                                Note = "recommended to the customer; we take no action in notify mode",
                            }, actor, request.At);
                        }

                        outcomes.Add(Outcome(now, handOver ? "recommended to the customer" : "not handed over: no script or notice was written"));
                        break;
                    }

                    case GateVerdict.HandToCustomer:
                    {
                        forCustomer.Add(action.Id);
                        var now = action;
                        if (request.ScriptPath is not null && ActionLifecycle.CanMove(ResponseNames.StateOf(action), ActionState.Dispatched))
                        {
                            now = Move(workspace, action, new StoredActionChange(StoredActionStates.Dispatched, action.State)
                            {
                                Via = "script",
                                Mode = mode,
                                Note = $"handed over in {Path.GetFileName(request.ScriptPath)}",
                            }, actor, request.At);
                        }

                        outcomes.Add(Outcome(now, now == action ? "not handed over: no script was written" : "handed over in the script"));
                        break;
                    }

                    case GateVerdict.Dispatch or GateVerdict.DispatchUnreachable when request.Connector is null:
                        outcomes.Add(Outcome(action, "held: no connector for endpoint-agent actions was given"));
                        break;
                    case GateVerdict.Dispatch or GateVerdict.DispatchUnreachable:
                    {
                        var (now, detail) = await SendAsync(workspace, action, decision, policy, request, actor, cancellationToken).ConfigureAwait(false);
                        outcomes.Add(Outcome(now, detail));
                        break;
                    }

                    default:
                        outcomes.Add(Outcome(action, null));
                        break;
                }
            }
            catch (ActionConflictException e)
            {
                // Someone else moved the action since it was read: theirs stands; the others still go.
                outcomes.Add(Outcome(workspace.FindAction(action.Id) ?? action, "left alone: " + e.Message));
            }
        }

        var actions = workspace.ListActions(@case.Id);
        var scriptActions = actions.Where(a => forCustomer.Contains(a.Id, StringComparer.Ordinal)
            || (a.Target == "customer" && a.State == StoredActionStates.Dispatched)).ToList();
        var at = request.At ?? DateTime.UtcNow;
        string? script = null;
        if (scriptActions.Count > 0)
        {
            script = PowerShellScript.Generate(new ScriptRequest { CaseId = @case.Id, Tenant = @case.Tenant, Mode = policy.Mode, Actions = scriptActions, GeneratedAt = at });
            if (request.ScriptPath is not null)
                await WriteAsync(request.ScriptPath, PowerShellScript.FileEncoding.GetPreamble().Concat(PowerShellScript.FileEncoding.GetBytes(script)).ToArray(), cancellationToken).ConfigureAwait(false);
        }

        var findings = CaseService.FindingsOf(workspace, @case);
        var notice = CustomerNotice.Compose(new NoticeRequest
        {
            CaseId = @case.Id,
            CaseTitle = @case.Title,
            Tenant = @case.Tenant,
            Policy = policy,
            Found = Found(findings),
            Actions = actions,
            ScriptName = script is null || request.ScriptPath is null ? null : Path.GetFileName(request.ScriptPath),
            WrittenAt = at,
        });
        if (request.NoticePath is not null)
        {
            var bytes = new UTF8Encoding(false).GetBytes(notice);
            await WriteAsync(request.NoticePath, bytes, cancellationToken).ConfigureAwait(false);

            // Authorize acts, then informs: the notice itself is part of the record.
            workspace.RecordNotice(@case.Id, Path.GetFullPath(request.NoticePath), Convert.ToHexStringLower(SHA256.HashData(bytes)), actor, request.At);
        }
        return new DispatchReport(policy, outcomes, script, notice, actions);
    }

    /// <summary>The case's actions and what the gate would do with each now.</summary>
    public static ResponseStatus Status(Workspace workspace, string caseId, ContactAttempt? unreachable = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var @case = RequireCase(workspace, caseId);
        var policy = PolicyFor(workspace, @case.Tenant);
        var actions = workspace.ListActions(@case.Id);
        return new ResponseStatus(@case, policy, actions, [.. actions.Select(a => ResponseGate.Decide(policy, a, unreachable))]);
    }

    private static async Task<(StoredAction Action, string Detail)> SendAsync(Workspace workspace, StoredAction action, GateDecision decision,
        ResponsePolicy policy, DispatchRequest request, string actor, CancellationToken cancellationToken)
    {
        var connector = request.Connector!;
        var mode = ResponseNames.Of(policy.Mode);
        var current = action;
        var unreachable = decision.Verdict == GateVerdict.DispatchUnreachable ? request.Unreachable! : null;
        var why = unreachable is null ? decision.Reason : $"{decision.Reason}; {unreachable.Describe()}";
        var triedOnDispatch = false;
        if (unreachable is not null && ActionLifecycle.CanMove(ResponseNames.StateOf(current), ActionState.Approved))
        {
            current = Move(workspace, current, new StoredActionChange(StoredActionStates.Approved, current.State)
            {
                Via = "unreachable",
                Mode = mode,
                ContactsTried = unreachable.Tried,
                Note = why,
            }, actor, request.At);
        }
        else if (unreachable is not null)
        {
            // A failed action goes straight back to dispatched (failed → approved is no move); the dispatch carries who was tried.
            triedOnDispatch = true;
        }
        else if (current.State == StoredActionStates.AwaitingApproval)
        {
            // The tenant moved to authorize after the action was planned: its mode is the authorisation.
            current = Move(workspace, current, new StoredActionChange(StoredActionStates.Approved, current.State)
            {
                Via = "mode",
                Mode = mode,
                Note = decision.Reason,
            }, actor, request.At);
        }

        current = Move(workspace, current, new StoredActionChange(StoredActionStates.Dispatched, current.State)
        {
            Via = connector.Name,
            Mode = mode,
            ContactsTried = triedOnDispatch ? unreachable!.Tried : [],
            Note = triedOnDispatch ? why : decision.Reason,
        }, actor, request.At);
        var payload = ActionPayload.For(current, policy.Mode, request.At ?? DateTime.UtcNow);
        ConnectorResult result;
        try
        {
            result = await connector.SendAsync(payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Whatever broke, the action must not stay dispatched with nothing sent: it is failed, and can be dispatched again.
            result = new ConnectorResult(ConnectorOutcome.Failed, null, 0, $"the connector failed: {e.GetType().Name}: {e.Message}");
        }

        var status = result.StatusCode is { } code ? $"HTTP {code}, " : string.Empty;
        var detail = $"{status}{result.Attempts} attempt(s), key {payload.IdempotencyKey}: {result.Detail}";
        if (result.Outcome == ConnectorOutcome.Accepted)
            return (current, detail);
        current = Move(workspace, current, new StoredActionChange(
            result.Outcome == ConnectorOutcome.Done ? StoredActionStates.Done : StoredActionStates.Failed, current.State)
        {
            Via = connector.Name,
            Mode = mode,
            Note = detail,
        }, actor, request.At);
        return (current, detail);
    }

    /// <summary>Every state change goes through here: the lifecycle decides whether the move exists at all.</summary>
    private static StoredAction Move(Workspace workspace, StoredAction action, StoredActionChange change, string actor, DateTime? at)
    {
        if (!string.Equals(change.ExpectedFrom, action.State, StringComparison.Ordinal))
            throw new ArgumentException($"the change of {action.Id} is decided from {change.ExpectedFrom}, but the action read is {action.State}", nameof(change));
        if (!ResponseNames.TryParseState(change.To, out var to) || !ActionLifecycle.CanMove(ResponseNames.StateOf(action), to))
            throw new ResponseRuleException($"action {action.Id} cannot move from {action.State} to {change.To}");
        return workspace.ChangeActionState(action.Id, change, actor, at);
    }

    /// <summary>The serious findings, one line per title and host with how often and from when.</summary>
    private static List<string> Found(IReadOnlyList<Ooda.Core.Finding> findings) =>
        [.. findings.Where(f => f.Severity is "critical" or "high")
            .GroupBy(f => (f.Severity, f.Title, f.Host))
            .Select(g => (g.Key, First: g.Where(f => f.Timestamp != DateTime.MinValue).Select(f => (DateTime?)f.Timestamp).Min(), Count: g.Count()))
            .OrderBy(g => g.Key.Severity == "critical" ? 0 : 1).ThenBy(g => g.First ?? DateTime.MaxValue).Take(20)
            .Select(g => $"{g.Key.Severity}: {g.Key.Title} on {g.Key.Host}" + (g.Count > 1 ? $" ({g.Count} times)" : string.Empty)
                + (g.First is { } first ? $", first at {first.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC" : string.Empty))];

    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
    }

    private static StoredCase RequireCase(Workspace workspace, string caseId) =>
        workspace.FindCase(caseId) ?? throw new ResponseRuleException($"no case '{caseId}' in this workspace ('ooda case list' shows them)");

    private static StoredAction RequireAction(Workspace workspace, string actionId) =>
        workspace.FindAction(actionId) ?? throw new ResponseRuleException($"no action '{actionId}' in this workspace ('ooda respond status <case>' shows them)");
}
