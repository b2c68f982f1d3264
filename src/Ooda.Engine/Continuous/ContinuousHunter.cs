using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Ooda.Core;
using Ooda.Engine.Continuous.Internal;
using Ooda.Engine.Ingest;
using Ooda.Engine.Runbooks;
using Ooda.Store;

namespace Ooda.Engine.Continuous;

/// <summary>
/// Continuous hunting: takes evidence as it lands in an inbox folder (<c>&lt;tenant&gt;/&lt;host&gt;/…</c>) or arrives by
/// upload, queues each distinct file once (by tenant, host and SHA-256), ingests it, hunts only its events with the enabled
/// runbooks and Sigma rules, saves the findings and raises deduplicated leads. The queue lives in the workspace, and every
/// step is idempotent (ingest by hash, findings by id, leads by finding id), so after a crash the next pass resumes each
/// file at the step it had not finished, and nothing is lost or done twice.
/// </summary>
public sealed class ContinuousHunter : IDisposable
{
    private static readonly TimeSpan _debounce = TimeSpan.FromMilliseconds(250);

    private readonly ContinuousHunterOptions _options;
    private readonly InboxLayout _layout;
    private readonly RunbookHuntService _hunter;
    private readonly Workspace _workspace;

    // The workspace connection is not thread-safe: uploads and passes take turns on it.
    private readonly SemaphoreSlim _gate;
    private readonly SemaphoreSlim _passGate = new(1, 1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, byte> _receiving = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private bool _recovered;

    public ContinuousHunter(ContinuousHunterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Workspace);
        ArgumentException.ThrowIfNullOrEmpty(options.InboxFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFileSize);
        _options = options;
        _workspace = options.Workspace;
        _gate = options.StoreTurn ?? new SemaphoreSlim(1, 1);
        _layout = new InboxLayout(options.InboxFolder);
        _hunter = new RunbookHuntService(options.Runbooks, options.Hunt with { Tenant = null, Host = null, MinSeverity = null });
    }

    /// <summary>Raised after each pass of <see cref="RunAsync"/>, on its thread.</summary>
    public event EventHandler<ContinuousPass>? PassCompleted;

    /// <summary>The last pass run, or null before the first.</summary>
    public ContinuousPass? LastPass { get; private set; }

    public string InboxFolder => _layout.Inbox;

    /// <summary>Test hook: called with <c>ingested</c> after a file's ingest and <c>hunted</c> after its findings and leads are saved, before each is recorded in the queue; throwing simulates a crash.</summary>
    internal Action<string, InboxItem>? FaultHook { get; set; }

    /// <summary>One pass: queue new and settled inbox files, then ingest and hunt every queued file not yet hunted.</summary>
    public async Task<ContinuousPass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await _passGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var clock = Stopwatch.StartNew();
            var tally = new PassTally();
            _layout.Create();
            if (!_recovered)
            {
                await RecoverAsync(tally, cancellationToken).ConfigureAwait(false);
                _recovered = true;
            }

            await ScanAsync(tally, cancellationToken).ConfigureAwait(false);
            var pending = await Locked(() => _workspace.ListInboxItems(new InboxItemQuery { States = [InboxItemStates.Arrived, InboxItemStates.Ingested] }), cancellationToken).ConfigureAwait(false);
            var hunted = new List<(InboxItem Item, int Findings, int Leads)>();
            foreach (var queued in pending)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var item = queued.State == InboxItemStates.Arrived ? await IngestAsync(queued, tally, cancellationToken).ConfigureAwait(false) : queued;
                if (item is null)
                    continue;
                if (await HuntAsync(item, tally, cancellationToken).ConfigureAwait(false) is { } counts)
                    hunted.Add((item, counts.Findings, counts.Leads));
            }

            if (hunted.Count > 0 && _options.RunSqlHunts && _hunter.HasSqlHunts)
                await HuntSqlAsync(hunted.Select(h => h.Item).ToList(), tally, cancellationToken).ConfigureAwait(false);
            foreach (var (item, findings, leads) in hunted)
            {
                FaultHook?.Invoke("hunted", item);
                await Locked(() => _workspace.MarkInboxItemHunted(item.Id, findings, leads, _options.Actor, Now), cancellationToken).ConfigureAwait(false);
                tally.Hunted++;
            }

            LastPass = tally.ToPass(clock.Elapsed);
            return LastPass;
        }
        finally
        {
            _passGate.Release();
        }
    }

    /// <summary>Runs passes until cancelled: after the file watcher reports a change or an upload arrives, and every poll interval regardless.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        _layout.Create();
        using var watcher = new FileSystemWatcher(_layout.Inbox)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        // The hunter's own moves into the queue folder are not news.
        void Wake(object? sender, FileSystemEventArgs e)
        {
            if (!e.FullPath.StartsWith(_layout.Queue, StringComparison.Ordinal))
                _wake.Writer.TryWrite(true);
        }

        watcher.Created += Wake;
        watcher.Changed += Wake;
        watcher.Renamed += Wake;
        watcher.Error += (_, _) => _wake.Writer.TryWrite(true);
        string? watching = null;
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (IOException e)
        {
            // E.g. the inotify watch limit: the periodic rescan still finds every file, only later.
            watching = $"file watcher unavailable ({e.Message}); rescanning every {_options.PollInterval.TotalSeconds:0} s";
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            ContinuousPass pass;
            try
            {
                pass = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
                if (watching is not null)
                {
                    pass = pass with { Problems = [watching, .. pass.Problems] };
                    watching = null;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                pass = new PassTally { Problems = { "pass failed: " + e.Message } }.ToPass(TimeSpan.Zero);
                LastPass = pass;
            }

            PassCompleted?.Invoke(this, pass);
            var wait = pass.Unsettled > 0 && _options.SettleTime < _options.PollInterval ? _options.SettleTime : _options.PollInterval;
            await WaitForWorkAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Accepts an uploaded evidence file: checks the names, receives the content into a temporary file while hashing it
    /// (refusing it past <see cref="ContinuousHunterOptions.MaxFileSize"/>), moves it into the queue by rename and records it.
    /// The same content for the same tenant and host is kept once; the receipt then says <see cref="UploadReceipt.Duplicate"/>.
    /// </summary>
    /// <exception cref="UploadRejectedException">A name is not acceptable or the content is too large; nothing was kept.</exception>
    public async Task<UploadReceipt> AcceptUploadAsync(string tenant, string host, string fileName, Stream content, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var problem = InboxNames.TenantOrHostProblem(tenant, "tenant") ?? InboxNames.TenantOrHostProblem(host, "host") ?? InboxNames.FileNameProblem(fileName);
        if (problem is not null)
            throw new UploadRejectedException(problem, tooLarge: false);
        _layout.Create();
        var temporary = Path.Combine(_layout.Incoming, Guid.NewGuid().ToString("N") + ".upload");
        _receiving[temporary] = 0;
        try
        {
            (string Sha256, long Size)? hashed;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                hashed = await ContentHash.ComputeAsync(content, file, _options.MaxFileSize, cancellationToken).ConfigureAwait(false);
                if (hashed is not null)
                    file.Flush(flushToDisk: true);
            }

            if (hashed is not { } facts)
                throw new UploadRejectedException($"the upload is larger than the limit of {_options.MaxFileSize} bytes", tooLarge: true);
            var registration = await Locked(() => Accept(tenant, host, $"{tenant}/{host}/{fileName}", facts.Sha256, facts.Size, temporary, Workspace.InboxOriginUpload, actor),
                cancellationToken).ConfigureAwait(false);
            _wake.Writer.TryWrite(true);
            var item = registration.Item;
            return new UploadReceipt(item.Id, item.Sha256, item.Size, item.RelativePath, !registration.IsNew, item.State);
        }
        finally
        {
            _receiving.TryRemove(temporary, out _);
            TryDelete(temporary);
        }
    }

    public void Dispose()
    {
        _hunter.Dispose();
        if (_options.StoreTurn is null)
            _gate.Dispose();
        _passGate.Dispose();
    }

    private DateTime Now => _options.Clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Puts a received file in the queue folder (one copy per content: a second copy is deleted) and records it, under the
    /// gate. The file moves before its row is written; a crash in between leaves a file without a row, which the first pass
    /// after a restart records (<see cref="RecoverAsync"/>).
    /// </summary>
    private InboxItemRegistration Accept(string tenant, string host, string relativePath, string sha256, long size, string source, string origin, string actor)
    {
        var folder = Path.GetDirectoryName(_layout.AcceptedPath(tenant, host, sha256, relativePath))!;
        if (Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any())
        {
            File.Delete(source);
        }
        else
        {
            Directory.CreateDirectory(folder);
            File.Move(source, _layout.AcceptedPath(tenant, host, sha256, relativePath));
        }

        return _workspace.RegisterInboxItem(tenant, host, relativePath, sha256, size, origin, actor, Now);
    }

    /// <summary>The accepted copy of a queued file, or null when it is gone.</summary>
    private string? AcceptedFile(InboxItem item)
    {
        var folder = Path.GetDirectoryName(_layout.AcceptedPath(item.Tenant, item.Host, item.Sha256, item.RelativePath))!;
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).FirstOrDefault() : null;
    }

    /// <summary>After a restart: records accepted files that never got their row, and drops uploads a crash cut short.</summary>
    private async Task RecoverAsync(PassTally tally, CancellationToken cancellationToken)
    {
        foreach (var partial in Directory.EnumerateFiles(_layout.Incoming).Where(f => !_receiving.ContainsKey(f)))
            TryDelete(partial);
        foreach (var tenantFolder in Directory.EnumerateDirectories(_layout.Files))
        {
            foreach (var hostFolder in Directory.EnumerateDirectories(tenantFolder))
            {
                foreach (var hashFolder in Directory.EnumerateDirectories(hostFolder))
                {
                    var (tenant, host, sha256) = (Path.GetFileName(tenantFolder), Path.GetFileName(hostFolder), Path.GetFileName(hashFolder));
                    var file = Directory.EnumerateFiles(hashFolder).Order(StringComparer.Ordinal).FirstOrDefault();
                    if (file is null || await Locked(() => _workspace.FindInboxItem(tenant, host, sha256), cancellationToken).ConfigureAwait(false) is not null)
                        continue;
                    var facts = await ContentHash.OfFileAsync(file, long.MaxValue, cancellationToken).ConfigureAwait(false);
                    if (facts?.Sha256 != sha256)
                    {
                        tally.Problems.Add($"{file}: its content does not match its folder's hash; left alone");
                        continue;
                    }

                    var relative = $"{tenant}/{host}/{Path.GetFileName(file)}";
                    await Locked(() => _workspace.RegisterInboxItem(tenant, host, relative, sha256, facts.Value.Size, Workspace.InboxOriginFolder, _options.Actor, Now),
                        cancellationToken).ConfigureAwait(false);
                    tally.Arrived++;
                }
            }
        }
    }

    /// <summary>Queues the settled files under <c>&lt;tenant&gt;/&lt;host&gt;/</c>; hidden entries, links and partial downloads are not evidence yet.</summary>
    private async Task ScanAsync(PassTally tally, CancellationToken cancellationToken)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint };
        var files = Directory.EnumerateFiles(_layout.Inbox, "*", options)
            .Where(f => !f.StartsWith(_layout.Queue + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_layout.Inbox, path).Replace(Path.DirectorySeparatorChar, '/');
            var segments = relative.Split('/');
            if (InboxNames.IsPartial(segments[^1]))
            {
                tally.Unsettled++;
                continue;
            }

            var problem = segments.Length < 3
                ? "not inside a <tenant>/<host>/ folder"
                : InboxNames.TenantOrHostProblem(segments[0], "tenant") ?? InboxNames.TenantOrHostProblem(segments[1], "host")
                  ?? segments[2..].Select(InboxNames.FileNameProblem).FirstOrDefault(p => p is not null);
            FileInfo info;
            try
            {
                info = new FileInfo(path);
                if (problem is null && info.Length > _options.MaxFileSize)
                    problem = $"larger than the limit of {_options.MaxFileSize} bytes";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (problem is not null)
            {
                // Said once per file and size, not on every rescan.
                if (_reported.Add($"{relative}\n{info.Length}"))
                    tally.Problems.Add($"{InboxNames.Printable(relative)}: {problem}; left in the inbox");
                continue;
            }

            if (Now - info.LastWriteTimeUtc < _options.SettleTime)
            {
                tally.Unsettled++;
                continue;
            }

            try
            {
                var facts = await ContentHash.OfFileAsync(path, _options.MaxFileSize, cancellationToken).ConfigureAwait(false);
                info.Refresh();
                if (facts is not { } hashed || info.Length != hashed.Size || Now - info.LastWriteTimeUtc < _options.SettleTime)
                {
                    // Written to while we read it.
                    tally.Unsettled++;
                    continue;
                }

                var registration = await Locked(() => Accept(segments[0], segments[1], relative, hashed.Sha256, hashed.Size, path, Workspace.InboxOriginFolder, _options.Actor),
                    cancellationToken).ConfigureAwait(false);
                if (registration.IsNew)
                    tally.Arrived++;
                else
                    tally.Duplicates++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                tally.Problems.Add($"{InboxNames.Printable(relative)}: cannot take it: {e.Message}");
            }
        }
    }

    /// <summary>Ingests a queued file (a no-op for content already in the store) and records the step; null when it failed.</summary>
    private async Task<InboxItem?> IngestAsync(InboxItem item, PassTally tally, CancellationToken cancellationToken)
    {
        var path = AcceptedFile(item);
        if (path is null)
            return await FailAsync(item, "its accepted copy is missing from the queue folder", tally, cancellationToken).ConfigureAwait(false);
        FileIngestResult? result;
        string? error = null;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var summary = await new IngestService(_workspace).IngestAsync(new IngestRequest(path, item.Tenant, item.Host), null, cancellationToken).ConfigureAwait(false);
            result = summary.Files.SingleOrDefault();
            error = result is null ? string.Join("; ", summary.Diagnostics.Select(d => d.Message)) : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = null;
            error = $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            _gate.Release();
        }

        if (result is null || result.Outcome == IngestOutcome.Failed)
            return await FailAsync(item, error ?? string.Join("; ", result!.Diagnostics.Take(3).Select(d => d.ToString())), tally, cancellationToken).ConfigureAwait(false);
        if (result.Sha256 is not null && !string.Equals(result.Sha256, item.Sha256, StringComparison.OrdinalIgnoreCase))
            return await FailAsync(item, "its content changed after it was accepted", tally, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == IngestOutcome.Unrecognised)
            tally.Problems.Add($"{InboxNames.Printable(item.RelativePath)}: format not recognised; no events to hunt");
        FaultHook?.Invoke("ingested", item);
        var ingested = await Locked(() =>
            _workspace.MarkInboxItemIngested(item.Id, _workspace.IngestedEvents(item.Tenant, item.Host, item.Sha256) ?? 0, _options.Actor, Now), cancellationToken).ConfigureAwait(false);
        tally.Ingested++;
        tally.Events += result.Outcome == IngestOutcome.Ingested ? result.Events : 0;
        return ingested;
    }

    /// <summary>Hunts the events of one ingested file, saves its findings and raises leads; null when it failed.</summary>
    private async Task<(int Findings, int Leads)?> HuntAsync(InboxItem item, PassTally tally, CancellationToken cancellationToken)
    {
        string error;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var events = _workspace.QueryEvents(new EventQuery { Tenant = item.Tenant, Host = item.Host, FileSha256 = item.Sha256 }, cancellationToken);
            var result = _hunter.HuntEvents(events, cancellationToken);
            tally.EventsHunted += result.Statistics.Events;
            var leads = Save(result.Findings, tally);
            return (result.Findings.Count, leads);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            _gate.Release();
        }

        await FailAsync(item, error, tally, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// The runbooks' SQL hunts read the whole store; only their rows for the hosts that just got evidence count, so old
    /// evidence of other hosts does not turn into leads here.
    /// </summary>
    private async Task HuntSqlAsync(List<InboxItem> items, PassTally tally, CancellationToken cancellationToken)
    {
        var touched = items.Select(i => (i.Tenant, i.Host.ToLowerInvariant())).ToHashSet();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = _hunter.HuntSql(_workspace.Folder, cancellationToken);
            Save([.. result.Findings.Where(f => touched.Contains((f.Tenant, f.Host.ToLowerInvariant())))], tally);
            foreach (var step in result.Steps.Where(s => !s.Runs))
            {
                if (_reported.Add("sql\n" + step.Reference))
                    tally.Problems.Add($"SQL hunt {step.Reference} did not run: {step.NotRunReason}");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            tally.Problems.Add($"SQL hunts failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Saves findings and raises leads from all of them (leads ignore findings they hold, so a resumed file adds nothing twice).</summary>
    private int Save(IReadOnlyList<Finding> findings, PassTally tally)
    {
        if (findings.Count == 0)
            return 0;
        var now = Now;
        tally.Findings += _workspace.SaveFindings(findings, now).Added;
        var leads = _workspace.RaiseLeads(findings, now, _options.Sla, _options.Actor);
        tally.LeadsRaised += leads.Raised.Count;
        tally.LeadsUpdated += leads.Updated.Count + leads.Reopened.Count;
        return leads.Touched.Count;
    }

    private async Task<InboxItem?> FailAsync(InboxItem item, string error, PassTally tally, CancellationToken cancellationToken)
    {
        var after = await Locked(() => _workspace.RecordInboxItemFailure(item.Id, error, _options.MaxAttempts, _options.Actor, Now), cancellationToken).ConfigureAwait(false);
        tally.Failed++;
        tally.Problems.Add($"{InboxNames.Printable(item.RelativePath)} (queue {item.Id}, attempt {after.Attempts} of {_options.MaxAttempts}): {error}");
        return null;
    }

    private async Task<T> Locked<T>(Func<T> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return action();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WaitForWorkAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(wait, _options.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _wake.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            // A copy in progress fires many events; let them gather into one pass.
            await Task.Delay(_debounce, cancellationToken).ConfigureAwait(false);
            _wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException)
        {
            // The poll interval passed, or the hunter is stopping (the caller's loop checks which).
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
