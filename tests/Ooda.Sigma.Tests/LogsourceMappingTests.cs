using Ooda.Core;

namespace Ooda.Sigma.Tests;

public class LogsourceMappingTests
{
    [Fact]
    public void Process_creation_means_sysmon_1_and_security_4688()
    {
        var targets = LogsourceMapping.Default.Resolve(new SigmaLogsource("windows", "process_creation", null));
        Assert.Equal(["sysmon-1", "security-4688"], targets.Select(t => t.Name));
    }

    [Theory]
    [InlineData("windows", null, "security", "security")]
    [InlineData("windows", "ps_script", null, "powershell-4104")]
    [InlineData("windows", "file_event", null, "sysmon-11")]
    [InlineData("windows", "registry_set", null, "sysmon-13")]
    [InlineData("windows", null, "msexchange-management", "msexchange-management")]
    [InlineData(null, "webserver", null, "iis-w3c")]
    [InlineData("windows", null, null, "windows")]
    public void Resolves_categories_and_services(string? product, string? category, string? service, string first) =>
        Assert.Equal(first, LogsourceMapping.Default.Resolve(new SigmaLogsource(product, category, service))[0].Name);

    [Theory]
    [InlineData("linux", "process_creation", null)]
    [InlineData("aws", null, "cloudtrail")]
    [InlineData(null, null, null)]
    public void Unknown_logsources_resolve_to_nothing(string? product, string? category, string? service) =>
        Assert.Empty(LogsourceMapping.Default.Resolve(new SigmaLogsource(product, category, service)));

    [Fact]
    public void Sysmon_rule_fires_on_security_4688_with_translated_fields()
    {
        var set = Rules.Compile(Rules.ProcessCreation("sel:\n  Image|endswith: '\\whoami.exe'\n  ParentImage|endswith: '\\w3wp.exe'\ncondition: sel"));
        var security = Rules.Event(4688, "Security", "Microsoft-Windows-Security-Auditing", SourceKind.WindowsEvent,
            ("NewProcessName", "C:\\Windows\\System32\\whoami.exe"), ("ParentProcessName", "c:\\windows\\system32\\inetsrv\\w3wp.exe"));
        var hit = Assert.Single(Rules.Run(set, security));
        Assert.Equal("security-4688", hit.Target);
        Assert.Contains(new SigmaFieldTranslation("Image", "NewProcessName"), hit.Translations);
        Assert.Contains(hit.MatchedFields, f => f.Key == "NewProcessName");
    }

    [Fact]
    public void A_negated_sysmon_only_field_never_fires_on_4688()
    {
        // OriginalFileName does not exist in 4688: "not filter" must not turn into "always true" there.
        var set = Rules.Compile(Rules.ProcessCreation("sel:\n  Image|endswith: '\\rundll32.exe'\nfilter:\n  OriginalFileName: 'RUNDLL32.EXE'\ncondition: sel and not filter"));
        Assert.Contains("security-4688: not used", string.Join(";", set.Verdicts.Single().Notes), StringComparison.Ordinal);
        var security = Rules.Event(4688, "Security", "Microsoft-Windows-Security-Auditing", SourceKind.WindowsEvent, ("NewProcessName", "C:\\x\\rundll32.exe"));
        Assert.Empty(Rules.Run(set, security));
        Assert.Single(Rules.Run(set, Rules.Process(("Image", "C:\\x\\rundll32.exe"))));
    }

    [Fact]
    public void A_sysmon_only_field_in_an_or_branch_is_dropped_on_4688()
    {
        var set = Rules.Compile(Rules.ProcessCreation("sel_img:\n  Image|endswith: '\\certutil.exe'\nsel_ofn:\n  OriginalFileName: 'CertUtil.exe'\nsel_cli:\n  CommandLine|contains: 'urlcache'\ncondition: 1 of sel_i* or sel_ofn and sel_cli"));
        var verdict = set.Verdicts.Single();
        Assert.Equal(SigmaVerdictStatus.Compiled, verdict.Status);
        Assert.Contains("security-4688: partial", string.Join(";", verdict.Notes), StringComparison.Ordinal);
        var security = Rules.Event(4688, "Security", "Microsoft-Windows-Security-Auditing", SourceKind.WindowsEvent, ("NewProcessName", "C:\\x\\certutil.exe"), ("CommandLine", "certutil -urlcache"));
        Assert.Single(Rules.Run(set, security));
    }

    [Fact]
    public void A_rule_needing_only_sysmon_fields_is_used_on_sysmon_only()
    {
        var set = Rules.Compile(Rules.ProcessCreation("sel:\n  OriginalFileName: 'x.exe'\ncondition: sel"));
        var verdict = set.Verdicts.Single();
        Assert.Equal(SigmaVerdictStatus.Compiled, verdict.Status);
        Assert.Equal(["sysmon-1"], set.Rules.Single().TargetNames);
    }

    [Fact]
    public void Events_of_other_channels_or_ids_never_meet_the_rule()
    {
        var set = Rules.Compile(Rules.ProcessCreation("sel:\n  Image|endswith: '.exe'\ncondition: sel"));
        Assert.Empty(Rules.Run(set, Rules.Event(1, "Application", "SomeApp", SourceKind.WindowsEvent, ("Image", "a.exe"))));
        Assert.Empty(Rules.Run(set, Rules.Event(3, Rules.SysmonChannel, "Microsoft-Windows-Sysmon", SourceKind.WindowsEvent, ("Image", "a.exe"))));
        Assert.Equal(0, set.CandidateCount(Rules.Event(1, "Application", "SomeApp")));
    }

    [Fact]
    public void Webserver_rules_read_iis_and_exchange_field_names()
    {
        const string yaml = "title: web\nlogsource:\n  category: webserver\ndetection:\n  sel:\n    cs-uri-query|contains: 'autodiscover'\n    cs-user-agent|contains: 'python'\n  condition: sel\n";
        var set = Rules.Compile(yaml);
        var iis = Rules.Event(0, "W3SVC1", null, SourceKind.IisW3c, ("cs-uri-query", "x=autodiscover"), ("cs(User-Agent)", "python-requests/2.25"));
        var proxy = Rules.Event(0, "HttpProxy", null, SourceKind.ExchangeLog, ("UrlQuery", "x=autodiscover"), ("UserAgent", "python-requests/2.25"));
        Assert.Equal("iis-w3c", Assert.Single(Rules.Run(set, iis)).Target);
        Assert.Equal("exchange-httpproxy", Assert.Single(Rules.Run(set, proxy)).Target);
    }

    [Fact]
    public void Registry_add_adds_its_event_type_condition()
    {
        const string yaml = "title: r\nlogsource:\n  product: windows\n  category: registry_add\ndetection:\n  sel:\n    TargetObject|contains: 'Run'\n  condition: sel\n";
        var set = Rules.Compile(yaml);
        Assert.Single(Rules.Run(set, Rules.Event(12, fields: [("EventType", "CreateKey"), ("TargetObject", "HKLM\\Run")])));
        Assert.Empty(Rules.Run(set, Rules.Event(12, fields: [("EventType", "DeleteKey"), ("TargetObject", "HKLM\\Run")])));
    }
}
