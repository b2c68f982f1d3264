using Ooda.Sigma.Internal;

namespace Ooda.Sigma.Tests.Prefilter;

public class NeedleDerivationTests
{
    [Theory]
    // plain string tests yield their lower-cased literal with its placement
    [InlineData("sel:\n  Image|endswith: '\\CMD.exe'\ncondition: sel", "Image suffix \\cmd.exe")]
    [InlineData("sel:\n  Image|startswith: 'C:\\Temp'\ncondition: sel", "Image prefix c:\\temp")]
    [InlineData("sel:\n  Image: 'C:\\x.exe'\ncondition: sel", "Image equals c:\\x.exe")]
    [InlineData("sel:\n  CommandLine|contains: ['A', 'b']\ncondition: sel", "CommandLine contains a; CommandLine contains b")]
    // cased tests imply the lower-cased needle
    [InlineData("sel:\n  CommandLine|contains|cased: 'MiMi'\ncondition: sel", "CommandLine contains mimi")]
    // a glob keeps its longest literal run
    [InlineData("sel:\n  Image: 'c:\\*\\sys?em32\\long*.exe'\ncondition: sel", "Image contains em32\\long")]
    // all: any one value is necessary; the longest wins
    [InlineData("sel:\n  CommandLine|contains|all: ['ab', 'abcdef']\ncondition: sel", "CommandLine contains abcdef")]
    // an AND keeps its most selective side, an OR the union
    [InlineData("a:\n  Image|endswith: '\\x.exe'\nb:\n  CommandLine|contains: 'zz'\ncondition: a and b", "Image suffix \\x.exe")]
    [InlineData("a:\n  Image|endswith: '\\x.exe'\nb:\n  CommandLine|contains: 'zz'\ncondition: a or b", "CommandLine contains zz; Image suffix \\x.exe")]
    [InlineData("a:\n  Image|endswith: '\\x.exe'\nb:\n  CommandLine|contains: 'zz'\ncondition: 1 of them", "CommandLine contains zz; Image suffix \\x.exe")]
    [InlineData("a:\n  Image|endswith: '\\x.exe'\nb:\n  CommandLine|contains: 'zz'\ncondition: all of them", "Image suffix \\x.exe")]
    // a negated part yields nothing, so the positive part decides
    [InlineData("a:\n  Image|endswith: '\\x.exe'\nb:\n  CommandLine|contains: 'zz'\ncondition: a and not b", "Image suffix \\x.exe")]
    // keywords search every value
    [InlineData("keywords:\n  - 'Evil'\ncondition: keywords", "* contains evil")]
    // windash and base64offset expand into literal alternatives, all kept
    [InlineData("sel:\n  CommandLine|windash|contains: ' -f'\ncondition: sel", "CommandLine contains  -f; CommandLine contains  /f; CommandLine contains  \u2013f; CommandLine contains  \u2014f; CommandLine contains  \u2015f")]
    [InlineData("sel:\n  CommandLine|base64offset|contains: 'abc'\ncondition: sel", "CommandLine contains fiy; CommandLine contains hym; CommandLine contains ywjj")]
    public void Derives_a_necessary_literal_condition(string detection, string expected) =>
        Assert.Equal(expected, Describe(detection));

    [Theory]
    [InlineData("sel:\n  CommandLine|re: 'abc.*'\ncondition: sel")]
    [InlineData("sel:\n  Image|endswith: '\\x.exe'\nre:\n  CommandLine|re: 'a'\ncondition: sel or re")]
    [InlineData("sel:\n  Image|endswith: '\\x.exe'\ncondition: not sel")]
    [InlineData("sel:\n  Image: '*'\ncondition: sel")]
    [InlineData("sel:\n  Image: ''\ncondition: sel")]
    [InlineData("sel:\n  Image: null\ncondition: sel")]
    [InlineData("sel:\n  Image|exists: true\ncondition: sel")]
    [InlineData("sel:\n  ProcessId|gt: 4\ncondition: sel")]
    [InlineData("sel:\n  Image|fieldref: ParentImage\ncondition: sel")]
    [InlineData("sel:\n  DestinationIp|cidr: '10.0.0.0/8'\ncondition: sel")]
    [InlineData("sel:\n  Image|neq: 'x'\ncondition: sel")]
    [InlineData("sel:\n  Image: '\U0001F600'\ncondition: sel")]
    public void Derives_nothing_where_a_match_needs_no_literal(string detection) =>
        Assert.Equal("always", Describe(detection));

    private static string Describe(string detection)
    {
        var set = Rules.Compile(Rules.ProcessCreation(detection));
        var verdict = set.Verdicts.Single();
        Assert.True(verdict.Status == SigmaVerdictStatus.Compiled, verdict.Error?.ToString());
        // The Sysmon target keeps the rule's field names.
        var target = set.Rules.Single().Targets.First(t => t.Target.EventIds.Contains(1));
        if (NeedleDerivation.Of(target.Detection) is not { } needles)
            return "always";
        var fields = new Dictionary<int, string>();
        Collect(target.Detection, fields);
        return string.Join("; ", needles
            .Select(n => $"{(n.Slot == Needle.KeywordSlot ? "*" : fields[n.Slot])} {n.Anchor.ToString().ToLowerInvariant()} {n.Text}")
            .Order(StringComparer.Ordinal));
    }

    private static void Collect(Node node, Dictionary<int, string> fields)
    {
        switch (node)
        {
            case FieldNode field:
                fields[field.Slot] = field.Field;
                break;
            case AndNode and:
                foreach (var child in and.Children)
                    Collect(child, fields);
                break;
            case OrNode or:
                foreach (var child in or.Children)
                    Collect(child, fields);
                break;
            case NotNode not:
                Collect(not.Child, fields);
                break;
        }
    }
}
