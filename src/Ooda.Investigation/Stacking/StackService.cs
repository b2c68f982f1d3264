using Ooda.Store;

namespace Ooda.Investigation.Stacking;

/// <summary>Least-frequency-of-occurrence stacking over the workspace: the values a few hosts have are the tools an attacker brought.</summary>
public static class StackService
{
    /// <summary>Stacks a preset or a raw field; the counting runs in the store (see <see cref="Workspace.Stack"/>).</summary>
    /// <exception cref="ArgumentException">The target is empty or not a usable field name, or a limit is out of range.</exception>
    public static StackReport Run(Workspace workspace, StackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Target?.Trim() ?? string.Empty;
        if (target.Length == 0)
            throw new ArgumentException("name a preset or an event field to stack", nameof(request));
        if (request.Limit is < 1 or > StackRequest.MaxLimit)
            throw new ArgumentException($"the limit must be between 1 and {StackRequest.MaxLimit}", nameof(request));
        if (request.MaxHosts is < 1)
            throw new ArgumentException("the most hosts a value may be seen on must be at least 1", nameof(request));
        if (request.HostNames < 0)
            throw new ArgumentException("the number of hosts to name cannot be negative", nameof(request));
        if (request.From is { } from && request.To is { } to && to <= from)
            throw new ArgumentException("the end of the time range must be after its start", nameof(request));
        var preset = StackPresets.Find(target);
        if (preset is null && (target.Length > StackRequest.MaxFieldName || target.Any(char.IsControl)))
            throw new ArgumentException($"'{Clip(target)}' is neither a preset ({string.Join(", ", StackPresets.All.Select(p => p.Name))}) nor a field name", nameof(request));
        IReadOnlyList<StackSource> sources = preset?.Sources ?? [StackPresets.ForField(target)];
        var result = workspace.Stack(new StackQuery
        {
            Sources = sources,
            Tenant = request.Tenant,
            Host = request.Host,
            From = request.From,
            To = request.To,
            Where = request.Where,
            MaxHosts = request.MaxHosts,
            Limit = request.Limit,
            HostNames = request.HostNames,
        }, cancellationToken);
        return new StackReport(request, preset, sources, result);
    }

    /// <summary>
    /// Brings the stack index of every preset's event sources up to date, so the first stack after an ingest answers from the
    /// index; each file is read once per source. Worth calling after an ingest, off the analyst's path.
    /// </summary>
    /// <returns>How many file-source pairs were indexed now.</returns>
    public static int IndexPresets(Workspace workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return StackPresets.All.SelectMany(p => p.Sources).Sum(source => workspace.IndexStack(source, cancellationToken));
    }

    private static string Clip(string text) => new([.. text.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
}
