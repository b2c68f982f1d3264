using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Continuous;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Engine.Tests.Continuous;

/// <summary>The inbox, the work queue, incremental hunts and leads, over small files we write, with a hand-moved clock.</summary>
public sealed class ContinuousHunterTests : IDisposable
{
    private static readonly DateTimeOffset _t0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private readonly ManualClock _clock = new(_t0);

    public void Dispose() => _dir.Dispose();

    private string Inbox => Path.Combine(_dir.Path, "inbox");

    private string WorkspaceFolder => Path.Combine(_dir.Path, "ws");

    private static Runbook Runbook()
    {
        var loaded = RunbookLoader.LoadText(
            """
            id: test-threat
            title: Test threat
            version: 1.0.0
            changelog:
              - { version: 1.0.0, date: 2026-11-28, changes: [test] }
            hunts:
              - id: shell-from-w3wp
                title: IIS worker starts a shell
                techniques: [T1505.003]
                severity: high
                sigma:
                  title: IIS worker starts a shell
                  logsource: { product: windows, category: process_creation }
                  detection:
                    selection:
                      ParentImage|endswith: '\w3wp.exe'
                      Image|endswith: '\cmd.exe'
                    condition: selection
              - id: posts
                title: Posts to aspnet_client
                severity: critical
                sql: |
                  SELECT ts, tenant, host, path, file_sha256, line FROM events
                  WHERE source_kind = 'iis-w3c' AND field(fields, 'cs-method') = 'POST' AND field(fields, 'cs-uri-stem') LIKE '/aspnet_client/%'
            """, "test-threat.yml");
        Assert.True(loaded.Runbook is not null, string.Join("; ", loaded.Errors));
        return loaded.Runbook;
    }

    /// <summary>Sysmon process events as flat JSON lines; the ones with <c>shell</c> set fire the runbook's Sigma hunt.</summary>
    private static string Sysmon(params (int Record, bool Shell)[] events)
    {
        var text = new StringBuilder();
        foreach (var (record, shell) in events)
        {
            var parent = shell ? @"C:\\Windows\\System32\\inetsrv\\w3wp.exe" : @"C:\\Windows\\explorer.exe";
            var minute = (record % 60).ToString("00", CultureInfo.InvariantCulture);
            text.Append("{\"Event\":{\"System\":{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Computer\":\"ex01\",\"EventRecordID\":")
                .Append(record.ToString(CultureInfo.InvariantCulture))
                .Append(",\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2021-08-07T03:").Append(minute).Append(":00Z\"}}},\"EventData\":{\"ParentImage\":\"")
                .Append(parent).Append("\",\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"CommandLine\":\"x\"}}}")
                .Append('\n');
        }

        return text.ToString();
    }

    private static string IisPost(string stem) =>
        "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2021-08-07 03:00:00\n"
        + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n"
        + $"2021-08-07 03:10:00 10.0.0.5 POST {stem} - 443 - 203.0.113.9 Mozilla/5.0 200 0 0 12\n";

    /// <summary>Writes a file into the inbox, its modification time an hour before the clock so it counts as settled.</summary>
    private string Drop(string relative, string content)
    {
        var path = Path.Combine(Inbox, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, _clock.Now.UtcDateTime.AddHours(-1));
        return path;
    }

    private ContinuousHunter Hunter(Workspace workspace, Func<ContinuousHunterOptions, ContinuousHunterOptions>? change = null)
    {
        var options = new ContinuousHunterOptions { Workspace = workspace, InboxFolder = Inbox, Runbooks = [Runbook()], Clock = _clock };
        return new ContinuousHunter(change is null ? options : change(options));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static long StoredEvents(Workspace workspace) => workspace.Stats().Events;

    [Fact]
    public async Task A_file_dropped_in_the_inbox_is_ingested_hunted_and_raises_a_lead()
    {
        var content = Sysmon((1, true), (2, false));
        Drop("acme/ex01/evtx/sysmon.jsonl", content);
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace);

        var pass = await hunter.RunOnceAsync();

        Assert.Equal((1, 1, 1, 2L, 2L, 1, 1), (pass.Arrived, pass.Ingested, pass.Hunted, pass.Events, pass.EventsHunted, pass.Findings, pass.LeadsRaised));
        var item = Assert.Single(workspace.ListInboxItems());
        Assert.Equal((InboxItemStates.Hunted, "acme/ex01/evtx/sysmon.jsonl", Sha256(content), 2L, 1, 1),
            (item.State, item.RelativePath, item.Sha256, item.Events!.Value, item.Findings!.Value, item.Leads!.Value));
        var lead = Assert.Single(workspace.ListLeads());
        Assert.Equal(("acme", "ex01", "high", LeadStates.New, 1), (lead.Tenant, lead.Host, lead.Severity, lead.State, lead.Count));
        Assert.Equal((_t0.UtcDateTime, _t0.UtcDateTime.AddHours(1)), (lead.RaisedAt, lead.AckDueAt));
        Assert.False(File.Exists(Path.Combine(Inbox, "acme/ex01/evtx/sysmon.jsonl")));
        Assert.True((await hunter.RunOnceAsync()).Idle);
        Assert.Equal(["inbox.arrive", "inbox.ingest", "inbox.hunt"], workspace.ReadAudit("inbox/").Select(e => e.Action));
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public async Task A_later_pass_hunts_only_the_new_file_and_adds_its_findings_to_the_same_lead()
    {
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace);
        Drop("acme/ex01/a.jsonl", Sysmon((1, true), (2, false), (3, false)));
        await hunter.RunOnceAsync();
        Drop("acme/ex01/b.jsonl", Sysmon((4, true)));

        var pass = await hunter.RunOnceAsync();

        Assert.Equal((1, 1L, 1, 0, 1), (pass.Hunted, pass.EventsHunted, pass.Findings, pass.LeadsRaised, pass.LeadsUpdated));
        var lead = Assert.Single(workspace.ListLeads());
        Assert.Equal(2, lead.Count);
        Assert.Equal(4, StoredEvents(workspace));
    }

    [Fact]
    public async Task The_same_content_arriving_again_adds_no_events_findings_or_leads()
    {
        var content = Sysmon((1, true));
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace);
        Drop("acme/ex01/a.jsonl", content);
        await hunter.RunOnceAsync();
        Drop("acme/ex01/copy-of-a.jsonl", content);
        var receipt = await hunter.AcceptUploadAsync("acme", "ex01", "uploaded-a.jsonl", new MemoryStream(Encoding.UTF8.GetBytes(content)), "erin");

        var pass = await hunter.RunOnceAsync();

        Assert.True(receipt.Duplicate);
        Assert.Equal((1L, Sha256(content), InboxItemStates.Hunted), (receipt.QueueId, receipt.Sha256, receipt.State));
        Assert.Equal((0, 1, 0, 0), (pass.Arrived, pass.Duplicates, pass.Ingested, pass.Hunted));
        Assert.Single(workspace.ListInboxItems());
        Assert.Equal(1, StoredEvents(workspace));
        Assert.Single(workspace.QueryFindings());
        Assert.Equal(1, Assert.Single(workspace.ListLeads()).Count);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Inbox, "acme")));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(Inbox, ContinuousHunterOptions.QueueFolderName), "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("ingested")]
    [InlineData("hunted")]
    public async Task A_crash_between_steps_resumes_after_a_restart_and_does_each_step_once(string crashAfter)
    {
        Drop("acme/ex01/a.jsonl", Sysmon((1, true), (2, false)));
        using (var workspace = Workspace.Open(WorkspaceFolder))
        using (var hunter = Hunter(workspace))
        {
            hunter.FaultHook = (step, _) =>
            {
                if (step == crashAfter)
                    throw new IOException("simulated crash");
            };
            await Assert.ThrowsAsync<IOException>(() => hunter.RunOnceAsync());
        }

        using (var workspace = Workspace.Open(WorkspaceFolder))
        using (var hunter = Hunter(workspace))
        {
            var pass = await hunter.RunOnceAsync();
            Assert.Equal(1, pass.Hunted);
            Assert.Equal(InboxItemStates.Hunted, Assert.Single(workspace.ListInboxItems()).State);
            Assert.Single(workspace.ListFiles());
            Assert.Equal(2, StoredEvents(workspace));
            Assert.Single(workspace.QueryFindings());
            Assert.Equal(1, Assert.Single(workspace.ListLeads()).Count);
            Assert.Single(workspace.ReadAudit("lead/"));
            Assert.Equal(["inbox.arrive", "inbox.ingest", "inbox.hunt"], workspace.ReadAudit("inbox/").Select(e => e.Action));
            Assert.True((await hunter.RunOnceAsync()).Idle);
        }
    }

    [Fact]
    public async Task A_file_accepted_into_the_queue_folder_but_never_recorded_is_recovered_after_a_restart()
    {
        var content = Sysmon((1, true));
        var orphan = Path.Combine(Inbox, ContinuousHunterOptions.QueueFolderName, "files", "acme", "ex01", Sha256(content), "a.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        File.WriteAllText(orphan, content);
        var leftover = Path.Combine(Inbox, ContinuousHunterOptions.QueueFolderName, "incoming", "cut-short.upload");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        File.WriteAllText(leftover, "half an upload");
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace);

        var pass = await hunter.RunOnceAsync();

        Assert.Equal((1, 1), (pass.Arrived, pass.Hunted));
        Assert.Equal("acme/ex01/a.jsonl", Assert.Single(workspace.ListInboxItems()).RelativePath);
        Assert.Single(workspace.ListLeads());
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public async Task A_file_still_being_written_is_left_until_it_settles()
    {
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace, o => o with { SettleTime = TimeSpan.FromMinutes(5) });
        var path = Drop("acme/ex01/a.jsonl", Sysmon((1, true)));
        File.SetLastWriteTimeUtc(path, _clock.Now.UtcDateTime.AddMinutes(-1));
        Drop("acme/ex01/b.jsonl.part", Sysmon((2, true)));

        var early = await hunter.RunOnceAsync();
        _clock.Now += TimeSpan.FromMinutes(5);
        var later = await hunter.RunOnceAsync();

        Assert.Equal((0, 2), (early.Arrived, early.Unsettled));
        Assert.DoesNotContain(workspace.ListInboxItems(), i => i.RelativePath.EndsWith(".part", StringComparison.Ordinal));
        Assert.Equal((1, 1, 1), (later.Arrived, later.Unsettled, later.Hunted));
    }

    [Fact]
    public async Task Files_outside_a_tenant_host_folder_or_with_bad_names_stay_in_the_inbox_and_are_reported_once()
    {
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace);
        Drop("loose.jsonl", Sysmon((1, true)));
        Drop("acme/loose.jsonl", Sysmon((2, true)));
        Drop("acme/bad host/a.jsonl", Sysmon((3, true)));
        Drop("acme/ex01/.hidden.jsonl", Sysmon((4, true)));

        var first = await hunter.RunOnceAsync();
        var second = await hunter.RunOnceAsync();

        Assert.Equal(3, first.Problems.Count);
        Assert.Contains(first.Problems, p => p.StartsWith("acme/bad host/a.jsonl: host 'bad host'", StringComparison.Ordinal));
        Assert.Empty(second.Problems);
        Assert.Empty(workspace.ListInboxItems());
        Assert.True(File.Exists(Path.Combine(Inbox, "acme/ex01/.hidden.jsonl")));
    }

    [Fact]
    public async Task An_upload_is_received_hashed_queued_and_hunted_on_the_next_pass()
    {
        var content = Sysmon((1, true));
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace);

        var receipt = await hunter.AcceptUploadAsync("acme", "ex01", "sysmon.jsonl", new MemoryStream(Encoding.UTF8.GetBytes(content)), "erin");
        var pass = await hunter.RunOnceAsync();

        Assert.Equal(new UploadReceipt(1, Sha256(content), Encoding.UTF8.GetByteCount(content), "acme/ex01/sysmon.jsonl", false, InboxItemStates.Arrived), receipt);
        Assert.Equal(1, pass.Hunted);
        var item = Assert.Single(workspace.ListInboxItems());
        Assert.Equal((Workspace.InboxOriginUpload, "erin"), (item.Origin, item.Actor));
        Assert.Equal("erin", workspace.ReadAudit(Workspace.InboxSubject(1))[0].Actor);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Inbox, ContinuousHunterOptions.QueueFolderName, "incoming")));
    }

    [Theory]
    [InlineData("acme", "ex01", "../escape.jsonl")]
    [InlineData("acme", "ex01", "/etc/passwd")]
    [InlineData("acme", "ex01", "sub/a.jsonl")]
    [InlineData("acme", "ex01", "..\\a.jsonl")]
    [InlineData("acme", "ex01", "C:evil.jsonl")]
    [InlineData("acme", "ex01", ".hidden")]
    [InlineData("acme", "ex01", "..")]
    [InlineData("acme", "ex01", "")]
    [InlineData("acme", "ex01", "a\u0000b")]
    [InlineData("acme", "ex01", "a.jsonl.part")]
    [InlineData("..", "ex01", "a.jsonl")]
    [InlineData("acme", "ex 01", "a.jsonl")]
    [InlineData("acme", "ex01/../..", "a.jsonl")]
    [InlineData("", "ex01", "a.jsonl")]
    public async Task Refuses_uploads_whose_names_could_escape_or_hide_and_keeps_nothing(string tenant, string host, string fileName)
    {
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace);
        var refused = await Assert.ThrowsAsync<UploadRejectedException>(() => hunter.AcceptUploadAsync(tenant, host, fileName, new MemoryStream([1, 2, 3]), "erin"));
        Assert.False(refused.TooLarge);
        Assert.Empty(workspace.ListInboxItems());
        Assert.Empty(Directory.Exists(Inbox) ? Directory.EnumerateFiles(Inbox, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task Refuses_an_upload_over_the_size_limit_and_keeps_nothing()
    {
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace, o => o with { MaxFileSize = 100 });
        var refused = await Assert.ThrowsAsync<UploadRejectedException>(() => hunter.AcceptUploadAsync("acme", "ex01", "big.log", new MemoryStream(new byte[101]), "erin"));
        Assert.True(refused.TooLarge);
        Assert.Empty(workspace.ListInboxItems());
        Assert.Empty(Directory.EnumerateFiles(Inbox, "*", SearchOption.AllDirectories));
        Assert.False((await hunter.AcceptUploadAsync("acme", "ex01", "small.log", new MemoryStream(new byte[100]), "erin")).Duplicate);
    }

    [Fact]
    public async Task A_queued_file_that_keeps_failing_is_parked_after_the_attempt_limit()
    {
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace, o => o with { MaxAttempts = 2 });
        var receipt = await hunter.AcceptUploadAsync("acme", "ex01", "a.jsonl", new MemoryStream(Encoding.UTF8.GetBytes(Sysmon((1, true)))), "erin");
        Directory.Delete(Path.Combine(Inbox, ContinuousHunterOptions.QueueFolderName, "files", "acme", "ex01", receipt.Sha256), recursive: true);

        var first = await hunter.RunOnceAsync();
        var second = await hunter.RunOnceAsync();
        var third = await hunter.RunOnceAsync();

        Assert.Equal((1, 1, 0), (first.Failed, second.Failed, third.Failed));
        Assert.Contains("missing", first.Problems[0], StringComparison.Ordinal);
        var item = Assert.Single(workspace.ListInboxItems());
        Assert.Equal((InboxItemStates.Failed, 2), (item.State, item.Attempts));
        Assert.Equal(["inbox.arrive", "inbox.retry", "inbox.fail"], workspace.ReadAudit("inbox/").Select(e => e.Action));
    }

    [Fact]
    public async Task Sql_hunts_never_run_unsandboxed_in_the_process_that_holds_the_store_and_say_why()
    {
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace);
        Drop("acme/ex01/u_ex.log", IisPost("/aspnet_client/x.aspx"));
        var pass = await hunter.RunOnceAsync();
        // DuckDB shares the open read-write database with any connection of this process, so the SQL sandbox would not apply.
        Assert.Contains(pass.Problems, p => p.Contains("did not run", StringComparison.Ordinal) && p.Contains("already open read-write in this process", StringComparison.Ordinal));
        Assert.Empty(workspace.ListLeads());
    }

    [Fact]
    public async Task Running_continuously_picks_up_a_dropped_file_and_stops_on_cancellation()
    {
        using var workspace = Workspace.Open(WorkspaceFolder);
        using var hunter = Hunter(workspace, o => o with { PollInterval = TimeSpan.FromMilliseconds(50), SettleTime = TimeSpan.Zero, Clock = TimeProvider.System });
        var hunted = new TaskCompletionSource();
        hunter.PassCompleted += (_, pass) =>
        {
            if (pass.Hunted > 0)
                hunted.TrySetResult();
        };
        using var stop = new CancellationTokenSource();
        var running = hunter.RunAsync(stop.Token);
        var path = Path.Combine(Inbox, "acme", "ex01", "a.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Sysmon((1, true)));

        await hunted.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(InboxItemStates.Hunted, Assert.Single(workspace.ListInboxItems()).State);
        Assert.Single(workspace.ListLeads());
    }
}
