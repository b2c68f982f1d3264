using Ooda.Core;
using Ooda.Testing;

namespace Ooda.Sigma.Tests.Filters;

/// <summary>Sigma filters (v2.1) append <c>and not filter</c> to the rules they name; <c>ooda-tenants</c> narrows one to some tenants.</summary>
public class SigmaFilterTests
{
    private const string Rar = """
        title: Data compressed with rar.exe
        id: 6f3e2987-db24-4c78-a860-b4f4095a7095
        name: rar_compression
        level: medium
        logsource:
          product: windows
          category: process_creation
        detection:
          selection:
            Image|endswith: '\rar.exe'
          condition: selection
        """;

    private const string SevenZip = """
        title: Data compressed with 7z.exe
        id: df0841c0-9846-4e9f-ad8a-7df91571771b
        level: medium
        logsource:
          product: windows
          category: process_creation
        detection:
          selection:
            Image|endswith: '\7z.exe'
          condition: selection
        """;

    private static string Filter(string rules, string selection, string extra = "", string logsource = "category: process_creation\n  product: windows") =>
        $"title: Filter administrator accounts\ndescription: The valid administrator accounts start with adm_\nlogsource:\n  {logsource}\n{extra}filter:\n{rules}  selection:\n    {selection}\n  condition: selection";

    private static readonly string _admins = Filter("  rules:\n    - 6f3e2987-db24-4c78-a860-b4f4095a7095\n", "User|startswith: 'adm_'");

    private static SigmaRuleSet Compile(params string[] documents) =>
        SigmaRuleSet.Compile(SigmaRuleLoader.LoadText(string.Join("\n---\n", documents), "filters.yml"));

    private static EvidenceEvent Process(string image, string user, string tenant = "acme") =>
        Rules.Event(1, fields: [("Image", image), ("User", user)]) with { Tenant = tenant };

    private static EvidenceEvent Process4688(string image, string user) =>
        Rules.Event(4688, "Security", "Microsoft-Windows-Security-Auditing", fields: [("NewProcessName", image), ("SubjectUserName", user), ("User", user)]);

    private static List<string> Fired(SigmaRuleSet set, params EvidenceEvent[] events) =>
        [.. events.SelectMany(e => Rules.Run(set, e)).Select(d => $"{d.Rule.Title}|{d.Event.Fields.Get("User") ?? d.Event.Fields.Get("SubjectUserName")}")];

    [Fact]
    public void The_spec_example_removes_exactly_the_matching_events_from_the_named_rule()
    {
        var set = Compile(Rar, SevenZip, _admins);
        var fired = Fired(set,
            Process(@"C:\Tools\rar.exe", "adm_backup"),
            Process(@"C:\Tools\rar.exe", "mallory"),
            Process(@"C:\Tools\7z.exe", "adm_backup"));
        Assert.Equal(["Data compressed with rar.exe|mallory", "Data compressed with 7z.exe|adm_backup"], fired);
        var verdict = set.Verdicts[2];
        Assert.Equal(SigmaVerdictStatus.Compiled, verdict.Status);
        Assert.Contains(verdict.Notes, n => n.StartsWith("applied to Data compressed with rar.exe", StringComparison.Ordinal));
    }

    [Fact]
    public void A_filter_may_name_rules_by_name()
    {
        var set = Compile(Rar, Filter("  rules: [rar_compression]\n", "User|startswith: 'adm_'"));
        Assert.Empty(Fired(set, Process(@"C:\Tools\rar.exe", "adm_backup")));
    }

    [Fact]
    public void Without_rules_a_filter_applies_to_every_rule_of_its_logsource_only()
    {
        const string logon = "title: Logon\nlogsource: {product: windows, service: security}\ndetection:\n  selection:\n    EventID: 4624\n  condition: selection";
        var set = Compile(Rar, SevenZip, logon, Filter(string.Empty, "User|startswith: 'adm_'"));
        Assert.Empty(Fired(set, Process(@"C:\Tools\rar.exe", "adm_1"), Process(@"C:\Tools\7z.exe", "adm_2")));
        Assert.Single(Fired(set, Rules.Event(4624, "Security", "Microsoft-Windows-Security-Auditing", fields: [("User", "adm_1")])));
        Assert.Single(Fired(Compile(Rar, Filter("  rules: any\n", "User|startswith: 'adm_'")), Process(@"C:\Tools\rar.exe", "bob")));
    }

    [Fact]
    public void Several_filters_on_one_rule_each_remove_their_events()
    {
        var set = Compile(Rar, _admins, Filter("  rules: [rar_compression]\n", "Image|startswith: 'C:\\Backup\\'"));
        Assert.Equal(["Data compressed with rar.exe|bob"], Fired(set,
            Process(@"C:\Tools\rar.exe", "adm_x"), Process(@"C:\Backup\rar.exe", "bob"), Process(@"C:\Tools\rar.exe", "bob")));
    }

    [Fact]
    public void A_filter_with_several_identifiers_uses_its_own_condition()
    {
        var filter = "title: Backup job\nlogsource: {product: windows, category: process_creation}\nfilter:\n  rules: [rar_compression]\n  account:\n    User: svc_backup\n  place:\n    Image|startswith: 'D:\\Jobs\\'\n  condition: account and place";
        var set = Compile(Rar, filter);
        Assert.Equal(2, Fired(set, Process(@"D:\Jobs\rar.exe", "svc_backup"), Process(@"C:\Tools\rar.exe", "svc_backup"), Process(@"D:\Jobs\rar.exe", "bob")).Count);
    }

    [Fact]
    public void A_filter_reads_fields_through_the_same_translation_as_the_rule()
    {
        // On Security 4688 the rule's Image is NewProcessName; the filter's Image follows.
        var set = Compile(Rar, Filter("  rules: [rar_compression]\n", "Image|startswith: 'C:\\Backup\\'"));
        Assert.Empty(Fired(set, Process4688(@"C:\Backup\rar.exe", "bob")));
        Assert.Single(Fired(set, Process4688(@"C:\Tools\rar.exe", "bob")));
    }

    [Fact]
    public void A_filter_on_a_field_the_source_lacks_removes_nothing_there()
    {
        // OriginalFileName is not on Security 4688: the filter cannot judge those events, so the rule still fires.
        var set = Compile(Rar, Filter("  rules: [rar_compression]\n", "OriginalFileName: 'WinRAR.exe'"));
        Assert.Single(Fired(set, Process4688(@"C:\Tools\rar.exe", "bob")));
        Assert.Empty(Fired(set, Rules.Event(1, fields: [("Image", @"C:\Tools\rar.exe"), ("OriginalFileName", "WinRAR.exe")])));
        Assert.Contains(set.Verdicts[1].Notes, n => n.Contains("not applied on security-4688", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negated_filter_condition_keeps_only_what_it_allows()
    {
        var filter = "title: Only watch the tools folder\nlogsource: {product: windows, category: process_creation}\nfilter:\n  rules: [rar_compression]\n  tools:\n    Image|startswith: 'C:\\Tools\\'\n  condition: not tools";
        Assert.Equal(["Data compressed with rar.exe|bob"], Fired(Compile(Rar, filter), Process(@"C:\Tools\rar.exe", "bob"), Process(@"C:\Other\rar.exe", "eve")));
    }

    [Theory]
    [InlineData("acme", 0)]
    [InlineData("ACME", 0)]
    [InlineData("globex", 1)]
    public void Ooda_tenants_restricts_a_filter_to_the_events_of_those_tenants(string tenant, int expected)
    {
        var set = Compile(Rar, Filter("  rules: [rar_compression]\n", "User: svc_backup", "ooda-tenants: [acme, initech]\n"));
        Assert.Equal(expected, Fired(set, Process(@"C:\Tools\rar.exe", "svc_backup", tenant)).Count);
        Assert.Single(Fired(set, Process(@"C:\Tools\rar.exe", "bob", "acme")));
    }

    [Fact]
    public void A_filter_whose_logsource_differs_from_a_named_rule_is_not_applied_and_says_so()
    {
        var set = Compile(Rar, Filter("  rules: [rar_compression]\n", "User: svc_backup", logsource: "product: windows\n  service: security"));
        Assert.Single(Fired(set, Process(@"C:\Tools\rar.exe", "svc_backup")));
        var verdict = set.Verdicts[1];
        Assert.Equal(SigmaVerdictStatus.Skipped, verdict.Status);
        Assert.Equal("filter-reference", verdict.Error!.Reason);
        Assert.Contains("logsource", verdict.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_naming_no_loaded_rule_is_skipped_with_the_names()
    {
        var verdict = Compile(Rar, Filter("  rules: [ghost_rule, rar_compression]\n", "User: x")).Verdicts[1];
        Assert.Equal(SigmaVerdictStatus.Compiled, verdict.Status);
        Assert.Contains("rule 'ghost_rule' is not among the compiled rules", verdict.Notes);

        var lonely = Compile(Filter("  rules: [ghost_rule]\n", "User: x")).Verdicts.Single();
        Assert.Equal(SigmaVerdictStatus.Skipped, lonely.Status);
        Assert.Contains("ghost_rule", lonely.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: f\nlogsource: {product: windows}\nfilter: [a]", "must be a map")]
    [InlineData("title: f\nfilter:\n  rules: [x]\n  selection: {User: a}\n  condition: selection", "needs a logsource")]
    [InlineData("title: f\nlogsource: {product: windows}\nfilter:\n  rules: [x]\n  condition: selection", "no search identifier")]
    [InlineData("title: f\nlogsource: {product: windows}\nfilter:\n  rules: {a: b}\n  selection: {User: a}\n  condition: selection", "filter.rules must be")]
    [InlineData("title: f\nlogsource: {product: windows}\nooda-tenants: {a: b}\nfilter:\n  rules: [x]\n  selection: {User: a}\n  condition: selection", "ooda-tenants must be")]
    public void Malformed_filters_are_rejected_with_a_reason(string document, string message)
    {
        var verdict = Compile(document).Verdicts.Single();
        Assert.Equal(SigmaVerdictStatus.Rejected, verdict.Status);
        Assert.Equal("filter", verdict.Error!.Reason);
        Assert.Contains(message, verdict.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_with_a_broken_condition_is_rejected_with_the_condition_reason()
    {
        var verdict = Compile(Rar, Filter("  rules: [rar_compression]\n", "User: x").Replace("condition: selection", "condition: selection and", StringComparison.Ordinal)).Verdicts[1];
        Assert.Equal(SigmaVerdictStatus.Rejected, verdict.Status);
        Assert.Equal("condition-syntax", verdict.Error!.Reason);
        Assert.StartsWith("filter: ", verdict.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_load_from_their_own_folders_and_refuse_anything_else_there()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("rules/rar.yml"), Rar);
        File.WriteAllText(dir.File("allow/acme.yml"), Filter("  rules: [rar_compression]\n", "User: svc_backup", "ooda-tenants: acme\n"));
        File.WriteAllText(dir.File("allow/stray.yml"), SevenZip);
        var set = SigmaRuleSet.Load(dir.File("rules"), [dir.File("allow")]);
        Assert.Equal([SigmaVerdictStatus.Compiled, SigmaVerdictStatus.Compiled, SigmaVerdictStatus.Rejected], set.Verdicts.Select(v => v.Status));
        Assert.Contains("only filter documents", set.Verdicts[2].Error!.Message, StringComparison.Ordinal);
        Assert.Single(set.Rules);
        Assert.Empty(Fired(set, Process(@"C:\Tools\rar.exe", "svc_backup")));
    }

    [Fact]
    public void A_filtered_event_does_not_feed_a_correlation()
    {
        var correlation = "title: Much compression\ncorrelation:\n  type: event_count\n  rules: [rar_compression]\n  group-by: [User]\n  timespan: 1h\n  condition: {gte: 3}";
        var set = Compile(Rar, _admins, correlation);
        var correlator = set.CreateCorrelator()!;
        var context = set.CreateContext();
        foreach (var user in new[] { "adm_a", "adm_a", "adm_a", "bob", "bob" })
        {
            var detections = new List<SigmaDetection>();
            set.Evaluate(Process(@"C:\Tools\rar.exe", user), context, detections);
            correlator.Observe(detections);
        }

        Assert.Empty(correlator.Finish());
        Assert.Equal(2, correlator.Buffered);
    }
}
