using Ooda.Core;
using Ooda.Investigation.Stacking;
using Ooda.Store;
using Ooda.Testing;
using static Ooda.Investigation.Tests.Stacking.StackEvidence;

namespace Ooda.Investigation.Tests.Stacking;

public sealed class StackServiceTests : IDisposable
{
    private const string Svchost = @"C:\Windows\System32\svchost.exe";

    private readonly TempDirectory _dir = new();
    private readonly Workspace _workspace;

    public StackServiceTests() => _workspace = Workspace.Open(_dir.Path);

    public void Dispose()
    {
        _workspace.Dispose();
        _dir.Dispose();
    }

    private StackReport Stack(string target, params string[] where) =>
        StackService.Run(_workspace, new StackRequest(target) { Where = [.. where.Select(FieldFilter.Parse)] });

    [Fact]
    public void An_empty_store_stacks_to_no_values()
    {
        var report = Stack("process");

        Assert.Empty(report.Result.Rows);
        Assert.Equal(0, report.Result.DistinctValues);
        Assert.Equal(0, report.Result.Hosts);
        Assert.Equal(0, report.Result.Events);
    }

    [Fact]
    public void Values_on_fewer_hosts_come_first_and_each_host_counts_once()
    {
        for (var h = 1; h <= 5; h++)
            Ingest(_workspace, "acme", $"ws{h}", Process(Svchost, 1), Process(Svchost, 2));
        Ingest(_workspace, "acme", "ws1", Process(@"C:\Windows\Temp\ps.exe", 3), Process(@"C:\Windows\Temp\ps.exe", 4));
        Ingest(_workspace, "acme", "ws2", Process(@"C:\Windows\Temp\ps.exe", 5));
        Ingest(_workspace, "acme", "ex01", [.. Enumerable.Range(10, 10).Select(m => Process(@"C:\ProgramData\x.exe", m))]);

        var report = Stack("process");

        Assert.Equal([@"c:\programdata\x.exe", @"c:\windows\temp\ps.exe", @"c:\windows\system32\svchost.exe"], report.Result.Rows.Select(r => r.Value));
        Assert.Equal([1, 2, 5], report.Result.Rows.Select(r => r.Hosts));
        Assert.Equal([10L, 3L, 10L], report.Result.Rows.Select(r => r.Events));
        var rare = report.Result.Rows[0];
        Assert.Equal(new StackHost("acme", "ex01"), Assert.Single(rare.HostNames));
        Assert.Equal(T0.AddMinutes(10), rare.FirstSeen);
        Assert.Equal(T0.AddMinutes(19), rare.LastSeen);
        Assert.Equal(["Sysmon 1 Image"], rare.Sources);
        Assert.Equal(6, report.Result.Hosts);
        Assert.Equal(23, report.Result.Events);
        Assert.Equal(3, report.Result.DistinctValues);
    }

    [Fact]
    public void The_same_host_name_in_two_tenants_is_two_hosts()
    {
        Ingest(_workspace, "acme", "dc01", Process(@"C:\Tools\a.exe"));
        Ingest(_workspace, "birch", "dc01", Process(@"C:\Tools\a.exe"));

        var row = Assert.Single(Stack("process").Result.Rows);

        Assert.Equal(2, row.Hosts);
        Assert.Equal([new StackHost("acme", "dc01"), new StackHost("birch", "dc01")], row.HostNames);
    }

    [Fact]
    public void Hosts_are_named_only_for_rare_values()
    {
        for (var h = 1; h <= StackQuery.DefaultHostNames + 1; h++)
            Ingest(_workspace, "acme", $"ws{h}", Process(Svchost));

        var row = Assert.Single(Stack("process").Result.Rows);

        Assert.Equal(StackQuery.DefaultHostNames + 1, row.Hosts);
        Assert.Empty(row.HostNames);
    }

    [Theory]
    [InlineData(@"C:\Windows\System32\cmd.exe")]
    [InlineData(@"c:\windows\system32\CMD.EXE")]
    [InlineData(@"\??\C:\Windows\system32\cmd.exe")]
    [InlineData(@"\\?\C:\Windows\system32\cmd.exe")]
    [InlineData(@"\SystemRoot\System32\cmd.exe")]
    [InlineData(@"%SystemRoot%\System32\cmd.exe")]
    [InlineData(@"%windir%\system32\cmd.exe")]
    [InlineData(@"  C:\Windows\System32\cmd.exe ")]
    public void Windows_path_forms_of_one_program_stack_together(string written)
    {
        Ingest(_workspace, "acme", "ws1", Process(@"C:\Windows\System32\cmd.exe"));
        Ingest(_workspace, "acme", "ws2", Event("Security", 4688, 0, "NewProcessName", written));

        var row = Assert.Single(Stack("process").Result.Rows);

        Assert.Equal(@"c:\windows\system32\cmd.exe", row.Value);
        Assert.Equal(2, row.Hosts);
        Assert.Equal(["Security 4688 NewProcessName", "Sysmon 1 Image"], row.Sources.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(@"system32\drivers\evil.sys", @"c:\windows\system32\drivers\evil.sys")]
    [InlineData(@"%ProgramFiles%\Agent\a.exe", @"c:\program files\agent\a.exe")]
    [InlineData(@"%ProgramFiles(x86)%\Agent\a.exe", @"c:\program files (x86)\agent\a.exe")]
    [InlineData(@"%ProgramData%\a.exe", @"c:\programdata\a.exe")]
    [InlineData(@"%SystemDrive%\a.exe", @"c:\a.exe")]
    [InlineData(@"D:\Tools\SYSTEM32\a.exe", @"d:\tools\system32\a.exe")]
    public void Service_image_paths_are_read_as_windows_reads_them(string imagePath, string expected)
    {
        Ingest(_workspace, "acme", "dc01", Event("System", 7045, 0, "ServiceName", "Svc", "ImagePath", imagePath));

        Assert.Equal("svc | " + expected, Assert.Single(Stack("service").Result.Rows).Value);
    }

    public static TheoryData<string, SourceKind, string, int?, string[], string[]> PresetCases => new()
    {
        { "process", SourceKind.WindowsEvent, Sysmon, 1, ["Image", @"C:\Temp\A.exe"], [@"c:\temp\a.exe"] },
        { "process", SourceKind.WindowsEvent, "Security", 4688, ["NewProcessName", @"C:\Temp\A.exe"], [@"c:\temp\a.exe"] },
        { "hash", SourceKind.WindowsEvent, Sysmon, 1, ["Hashes", "SHA1=aa11,MD5=bb22,SHA256=cc33,IMPHASH=dd44"], ["IMPHASH=DD44", "MD5=BB22", "SHA1=AA11", "SHA256=CC33"] },
        { "hash", SourceKind.WindowsEvent, Sysmon, 7, ["ImageLoaded", @"C:\a.dll", "Hashes", "SHA256=ee55"], ["SHA256=EE55"] },
        { "service", SourceKind.WindowsEvent, "System", 7045, ["ServiceName", "PSEXESVC", "ImagePath", @"%SystemRoot%\PSEXESVC.exe"], [@"psexesvc | c:\windows\psexesvc.exe"] },
        { "service", SourceKind.WindowsEvent, "Security", 4697, ["ServiceName", "Evil", "ServiceFileName", @"C:\Temp\e.exe"], [@"evil | c:\temp\e.exe"] },
        { "service", SourceKind.WindowsEvent, "System", 7045, ["ServiceName", "NoPath"], ["nopath | -"] },
        { "task", SourceKind.WindowsEvent, "Security", 4698, ["TaskName", @"\Updater"], ["updater"] },
        { "task", SourceKind.WindowsEvent, "Microsoft-Windows-TaskScheduler/Operational", 106, ["TaskName", @"\Microsoft\Sync"], [@"microsoft\sync"] },
        { "task", SourceKind.WindowsEvent, Sysmon, 1, ["Image", @"C:\Windows\System32\schtasks.exe", "CommandLine", @"schtasks /create /sc minute /tn Updater /tr c:\u.exe"], ["updater"] },
        { "task", SourceKind.WindowsEvent, Sysmon, 1, ["Image", @"C:\Windows\System32\schtasks.exe", "CommandLine", @"schtasks.exe /Create /TN ""\Microsoft\Win Up"" /TR x"], [@"microsoft\win up"] },
        { "task", SourceKind.WindowsEvent, "Security", 4688, ["NewProcessName", @"C:\Windows\System32\schtasks.exe", "CommandLine", @"schtasks /create -tn ""Job"""], ["job"] },
        { "task", SourceKind.WindowsEvent, Sysmon, 1, ["Image", @"C:\Windows\System32\schtasks.exe", "CommandLine", "schtasks /query /tn Updater"], [] },
        { "task", SourceKind.WindowsEvent, Sysmon, 1, ["Image", @"C:\Windows\System32\cmd.exe", "CommandLine", "cmd /c echo /create /tn Fake"], [] },
        { "task", SourceKind.WindowsEvent, "Security", 4699, ["TaskName", @"\Deleted"], [] },
        { "aspx", SourceKind.WindowsEvent, Sysmon, 11, ["TargetFilename", @"C:\inetpub\wwwroot\aspnet_client\Shell.ASPX"], [@"c:\inetpub\wwwroot\aspnet_client\shell.aspx"] },
        { "aspx", SourceKind.WindowsEvent, Sysmon, 11, ["TargetFilename", @"C:\x\h.ashx"], [@"c:\x\h.ashx"] },
        { "aspx", SourceKind.WindowsEvent, Sysmon, 11, ["TargetFilename", @"C:\inetpub\wwwroot\a.aspx.txt"], [] },
        { "parent-child", SourceKind.WindowsEvent, Sysmon, 1, ["ParentImage", @"C:\Windows\System32\inetsrv\w3wp.exe", "Image", @"C:\Windows\System32\cmd.exe"],
            [@"c:\windows\system32\inetsrv\w3wp.exe → c:\windows\system32\cmd.exe"] },
        { "parent-child", SourceKind.WindowsEvent, "Security", 4688, ["ParentProcessName", @"C:\Windows\System32\services.exe", "NewProcessName", @"C:\Windows\PSEXESVC.exe"],
            [@"c:\windows\system32\services.exe → c:\windows\psexesvc.exe"] },
        { "user-agent", SourceKind.IisW3c, "IIS", null, ["cs(User-Agent)", "python-requests/2.25.1+(x)"], ["python-requests/2.25.1 (x)"] },
        { "user-agent", SourceKind.ExchangeLog, "HttpProxy", null, ["UserAgent", "python-requests/2.25.1 (x)"], ["python-requests/2.25.1 (x)"] },
        { "user-agent", SourceKind.ExchangeLog, "Ecp", null, ["UserAgent", "not http proxy"], [] },
        { "logon", SourceKind.WindowsEvent, "Security", 4624, ["TargetUserName", "Administrator", "LogonType", "3"], ["administrator | type 3"] },
        { "logon", SourceKind.WindowsEvent, "Security", 4625, ["TargetUserName", "Administrator", "LogonType", "3"], [] },
    };

    [Theory]
    [MemberData(nameof(PresetCases))]
    public void Each_preset_reads_its_sources_and_only_them(string preset, SourceKind kind, string channel, int? eventId, string[] fields, string[] expected)
    {
        Ingest(_workspace, "acme", "host1", Event(kind, channel, eventId, 0, fields));

        Assert.Equal(expected, Stack(preset).Result.Rows.Select(r => r.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Captured_files_join_the_hash_and_aspx_stacks()
    {
        var sha = new string('a', 64);
        Capture(_workspace, "acme", "ex01", @"C:\inetpub\wwwroot\aspnet_client\shell.aspx", sha);
        Capture(_workspace, "acme", "ex01", @"C:\Users\bob\Desktop\notes.aspx", new string('b', 64));
        Capture(_workspace, "acme", "ex01", @"C:\Program Files\Microsoft\Exchange Server\V15\FrontEnd\HttpProxy\owa\auth\x.asmx", new string('c', 64));
        Ingest(_workspace, "acme", "ex01", Event(Sysmon, 11, 0, "TargetFilename", @"C:\inetpub\wwwroot\aspnet_client\shell.aspx"));

        var aspx = Stack("aspx").Result.Rows;
        var hashes = Stack("hash").Result.Rows.Select(r => r.Value).ToList();

        Assert.Equal([@"c:\inetpub\wwwroot\aspnet_client\shell.aspx", @"c:\program files\microsoft\exchange server\v15\frontend\httpproxy\owa\auth\x.asmx"],
            aspx.Select(r => r.Value).Order(StringComparer.Ordinal));
        var shell = aspx.Single(r => r.Value.EndsWith("shell.aspx", StringComparison.Ordinal));
        Assert.Equal(1, shell.Hosts);
        Assert.Equal(2, shell.Events);
        Assert.Equal(["Sysmon 11 TargetFilename", "captured web script"], shell.Sources.Order(StringComparer.Ordinal));
        Assert.Contains("SHA256=" + sha.ToUpperInvariant(), hashes);
        Assert.Equal(3, hashes.Count);
    }

    [Fact]
    public void Where_conditions_keep_only_matching_events_and_a_negated_one_keeps_events_without_the_field()
    {
        Ingest(_workspace, "acme", "ex01",
            Event(Sysmon, 1, 0, "Image", @"C:\a.exe", "User", @"NT AUTHORITY\SYSTEM"),
            Event(Sysmon, 1, 1, "Image", @"C:\b.exe", "User", @"ACME\bob"),
            Event(Sysmon, 1, 2, "Image", @"C:\c.exe"));

        Assert.Equal([@"c:\a.exe"], Stack("process", "User=*system").Result.Rows.Select(r => r.Value));
        Assert.Equal([@"c:\b.exe", @"c:\c.exe"], Stack("process", @"User!=NT AUTHORITY\*").Result.Rows.Select(r => r.Value).Order(StringComparer.Ordinal));
        Assert.Equal([@"c:\b.exe"], Stack("process", "user=acme*", "Image=*b*").Result.Rows.Select(r => r.Value));
    }

    [Fact]
    public void A_where_condition_matches_exactly_what_the_field_filter_matches()
    {
        string[] users = ["a_b", "axb", "100%", "1000", @"x\y", "x*y", "X.Y", "", "o'brien"];
        Ingest(_workspace, "acme", "ex01", [.. users.Select((u, i) => Event(Sysmon, 1, i, "Image", $@"C:\{i}.exe", "User", u))]);
        string[] patterns = ["a_b", "100%", @"x\y", "x*y", "*'*", "*", "X.y", "1*0"];

        foreach (var pattern in patterns)
        {
            var filter = new FieldFilter("User", pattern);
            var expected = users.Select((u, i) => (u, i)).Where(p => filter.Matches(p.u)).Select(p => $@"c:\{p.i}.exe").Order(StringComparer.Ordinal);
            var actual = StackService.Run(_workspace, new StackRequest("process") { Where = [filter] }).Result.Rows.Select(r => r.Value).Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(actual), $"pattern {pattern}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        }
    }

    [Fact]
    public void Hostile_values_field_names_and_filters_are_data_never_sql()
    {
        string[] hostile = ["'; DROP TABLE event_rows; --", "\"); DELETE FROM ingested_files; --", "%_\\*?", "a\u0001\\??\\b", "\u202eexe.txt", "line\nbreak", "$1 $2"];
        Ingest(_workspace, "acme", "ex01", [.. hostile.Select((v, i) => Event(Sysmon, 1, i, "Image", v, "Odd'\"Name", v))]);
        var before = _workspace.Stats();

        var byImage = Stack("process").Result.Rows.Select(r => r.Value).ToList();
        var byOddField = Stack("Odd'\"Name").Result.Rows.Select(r => r.Value).ToList();
        var filtered = Stack("process", "Image='; DROP TABLE event_rows; --").Result.Rows;
        var injectedFilter = Stack("process", "Image=x' OR '1'='1").Result.Rows;

        Assert.Equal(hostile.Length, byImage.Count);
        Assert.Equal(hostile.Length, byOddField.Count);
        Assert.Contains("'; drop table event_rows; --", byImage);
        Assert.Contains("\u202eexe.txt", byImage);
        Assert.Equal("'; drop table event_rows; --", Assert.Single(filtered).Value);
        Assert.Empty(injectedFilter);
        Assert.Equal(before, _workspace.Stats());
    }

    [Fact]
    public void A_field_named_in_another_case_is_still_found()
    {
        Ingest(_workspace, "acme", "ex01", Process(@"C:\Temp\a.exe"));

        Assert.Equal([@"c:\temp\a.exe"], Stack("image").Result.Rows.Select(r => r.Value));
        Assert.Equal([@"c:\temp\a.exe"], Stack("process", @"image=*\temp\*").Result.Rows.Select(r => r.Value));
    }

    [Fact]
    public void A_raw_field_stacks_across_every_event_with_path_fields_compared_as_paths()
    {
        Ingest(_workspace, "acme", "ex01", Event("Security", 4688, 0, "ParentProcessName", @"%windir%\A.exe"), Event(Sysmon, 1, 1, "ParentImage", @"C:\Windows\a.exe"));
        Ingest(_workspace, "acme", "ws1", Event(SourceKind.IisW3c, "IIS", null, 2, "cs-uri-stem", "/OWA/auth.aspx"));

        Assert.Equal([@"c:\windows\a.exe"], Stack("ParentImage").Result.Rows.Select(r => r.Value));
        Assert.Equal(["/owa/auth.aspx"], Stack("cs-uri-stem").Result.Rows.Select(r => r.Value));
        Assert.Empty(Stack("NoSuchField").Result.Rows);
    }

    [Fact]
    public void Files_ingested_after_a_stack_are_indexed_by_the_next_one()
    {
        Ingest(_workspace, "acme", "ws1", Process(Svchost));
        var first = Stack("process");
        Ingest(_workspace, "acme", "ws2", Process(Svchost), Process(@"C:\Temp\new.exe"));

        var second = Stack("process");
        var third = Stack("process");

        Assert.Equal(2, first.Result.IndexedFiles);
        Assert.Equal(2, second.Result.IndexedFiles);
        Assert.Equal(0, third.Result.IndexedFiles);
        Assert.Equal([(@"c:\temp\new.exe", 1), (@"c:\windows\system32\svchost.exe", 2)], third.Result.Rows.Select(r => (r.Value, r.Hosts)));
    }

    [Fact]
    public void A_reopened_workspace_keeps_its_stack_index()
    {
        using var dir = new TempDirectory();
        using (var first = Workspace.Open(dir.Path))
        {
            Ingest(first, "acme", "ws1", Process(Svchost));
            Assert.Equal(2, StackService.Run(first, new StackRequest("process")).Result.IndexedFiles);
        }

        using var reopened = Workspace.Open(dir.Path);
        var again = StackService.Run(reopened, new StackRequest("process")).Result;

        Assert.Equal(0, again.IndexedFiles);
        Assert.Equal(@"c:\windows\system32\svchost.exe", Assert.Single(again.Rows).Value);
    }

    [Fact]
    public void Indexing_the_presets_ahead_leaves_nothing_for_the_stacks_to_index()
    {
        Ingest(_workspace, "acme", "ws1", Process(Svchost), Event("System", 7045, 1, "ServiceName", "Svc", "ImagePath", @"C:\s.exe"));

        var indexed = StackService.IndexPresets(_workspace);

        var eventSources = StackPresets.All.SelectMany(p => p.Sources).Count(s => s.Table == StackTable.Events);
        Assert.Equal(eventSources, indexed);
        Assert.Equal(0, StackService.IndexPresets(_workspace));
        Assert.All(StackPresets.All, p => Assert.Equal(0, Stack(p.Name).Result.IndexedFiles));
        Assert.Equal(@"svc | c:\s.exe", Assert.Single(Stack("service").Result.Rows).Value);
    }

    [Fact]
    public void The_index_and_a_scan_of_the_events_give_the_same_stack()
    {
        var random = new Random(7);
        string[] images = [Svchost, @"C:\Temp\a.exe", @"\??\C:\Temp\A.EXE", @"%windir%\b.exe", @"C:\Windows\b.exe", @"C:\c.exe"];
        for (var h = 0; h < 12; h++)
        {
            Ingest(_workspace, h % 3 == 0 ? "birch" : "acme", $"host{h}", [.. Enumerable.Range(0, random.Next(1, 6)).Select(i =>
                random.Next(2) == 0
                    ? Event(Sysmon, 1, random.Next(600), "Image", images[random.Next(images.Length)], "ParentImage", images[random.Next(images.Length)])
                    : Event("Security", 4688, random.Next(600), "NewProcessName", images[random.Next(images.Length)], "ParentProcessName", images[random.Next(images.Length)]))]);
        }

        foreach (var preset in new[] { "process", "parent-child" })
        {
            var indexed = Stack(preset).Result;
            // A negated condition on a field no event has keeps every event but forces the scan.
            var scanned = Stack(preset, "NoSuchField!=x").Result;
            Assert.Equal(indexed.Rows, scanned.Rows, new StackRowComparer());
            Assert.Equal((indexed.DistinctValues, indexed.Hosts, indexed.Events), (scanned.DistinctValues, scanned.Hosts, scanned.Events));
        }
    }

    [Fact]
    public void Tenant_host_time_max_hosts_and_limit_narrow_the_stack()
    {
        Ingest(_workspace, "acme", "EX01", Process(@"C:\a.exe", 0), Process(@"C:\b.exe", 30));
        Ingest(_workspace, "acme", "ws1", Process(@"C:\a.exe", 0), Process(@"C:\c.exe", 5));
        Ingest(_workspace, "birch", "ex01", Process(@"C:\d.exe", 0));

        StackReport Run(StackRequest r) => StackService.Run(_workspace, r);
        string[] Values(StackRequest r) => [.. Run(r).Result.Rows.Select(x => x.Value).Order(StringComparer.Ordinal)];

        Assert.Equal([@"c:\a.exe", @"c:\b.exe", @"c:\c.exe"], Values(new StackRequest("process") { Tenant = "acme" }));
        Assert.Equal([@"c:\a.exe", @"c:\b.exe", @"c:\d.exe"], Values(new StackRequest("process") { Host = "ex01" }));
        Assert.Equal([@"c:\b.exe", @"c:\c.exe"], Values(new StackRequest("process") { From = T0.AddMinutes(1), To = T0.AddMinutes(31) }));
        Assert.Equal([@"c:\b.exe", @"c:\c.exe", @"c:\d.exe"], Values(new StackRequest("process") { MaxHosts = 1 }));
        var limited = Run(new StackRequest("process") { Limit = 2 }).Result;
        Assert.Equal(2, limited.Rows.Count);
        Assert.Equal(4, limited.DistinctValues);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\u0001name")]
    public void A_target_that_is_neither_a_preset_nor_a_field_name_is_refused(string target) =>
        Assert.Throws<ArgumentException>(() => Stack(target));

    [Fact]
    public void A_field_name_longer_than_the_limit_is_refused() =>
        Assert.Throws<ArgumentException>(() => Stack(new string('a', StackRequest.MaxFieldName + 1)));

    [Theory]
    [InlineData(0, null)]
    [InlineData(StackRequest.MaxLimit + 1, null)]
    [InlineData(10, 0)]
    public void Limits_out_of_range_are_refused(int limit, int? maxHosts) =>
        Assert.Throws<ArgumentException>(() => StackService.Run(_workspace, new StackRequest("process") { Limit = limit, MaxHosts = maxHosts }));

    /// <summary>Rows compare by value; their lists by content.</summary>
    private sealed class StackRowComparer : IEqualityComparer<StackRow>
    {
        public bool Equals(StackRow? x, StackRow? y) =>
            x is not null && y is not null && x.Value == y.Value && x.Hosts == y.Hosts && x.Events == y.Events && x.FirstSeen == y.FirstSeen
            && x.LastSeen == y.LastSeen && x.HostNames.SequenceEqual(y.HostNames) && x.Sources.SequenceEqual(y.Sources);

        public int GetHashCode(StackRow obj) => obj.Value.GetHashCode(StringComparison.Ordinal);
    }
}
