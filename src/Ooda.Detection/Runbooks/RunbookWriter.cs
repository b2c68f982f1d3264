using System.Globalization;
using Ooda.Detection.Runbooks.Internal;
using YamlDotNet.RepresentationModel;

namespace Ooda.Detection.Runbooks;

/// <summary>Writes a runbook as YAML the loader reads back to an equal runbook; keys in a fixed order so versions diff cleanly.</summary>
public static class RunbookWriter
{
    public static string ToYaml(Runbook runbook)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        var root = new YamlMappingNode();
        Add(root, "id", runbook.Id);
        Add(root, "title", runbook.Title);
        Add(root, "version", runbook.Version.ToString());
        Add(root, "status", runbook.Status);
        Add(root, "summary", runbook.Summary);
        root.Add("changelog", new YamlSequenceNode(runbook.Changelog.Select(c =>
        {
            var node = new YamlMappingNode();
            Add(node, "version", c.Version.ToString());
            Add(node, "date", c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(node, "source", c.Source);
            Add(node, "author", c.Author);
            node.Add("changes", List(c.Changes));
            return (YamlNode)node;
        })));
        var threat = new YamlMappingNode();
        AddList(threat, "cves", runbook.Threat.Cves);
        AddList(threat, "actors", runbook.Threat.Actors);
        AddList(threat, "references", runbook.Threat.References);
        if (threat.Children.Count > 0)
            root.Add("threat", threat);
        AddList(root, "affectedBuilds", runbook.AffectedBuilds);
        AddMaps(root, "ttps", runbook.Ttps, (n, t) =>
        {
            Add(n, "technique", t.Technique);
            Add(n, "note", t.Note);
            Add(n, "source", t.Source);
        });
        AddMaps(root, "iocs", runbook.Iocs, (n, i) =>
        {
            Add(n, "type", i.Type);
            Add(n, "value", i.Value);
            Add(n, "comment", i.Comment);
            Add(n, "source", i.Source);
        });
        AddMaps(root, "pocs", runbook.Pocs, (n, p) =>
        {
            Add(n, "url", p.Url);
            Add(n, "cve", p.Cve);
            Add(n, "description", p.Description);
        });
        AddMaps(root, "hunts", runbook.Hunts, WriteHunt);
        AddMaps(root, "remediation", runbook.Remediation, (n, r) =>
        {
            Add(n, "id", r.Id);
            Add(n, "action", r.Action);
            Add(n, "target", r.Target);
            Add(n, "description", r.Description);
            Add(n, "command", r.Command);
        });
        return RunbookYaml.ToText(root);
    }

    private static void WriteHunt(YamlMappingNode node, RunbookHunt hunt)
    {
        Add(node, "id", hunt.Id);
        Add(node, "title", hunt.Title);
        AddList(node, "techniques", hunt.Techniques);
        Add(node, "severity", hunt.Severity);
        Add(node, "description", hunt.Description);
        Add(node, "source", hunt.Source);
        switch (hunt.Kind)
        {
            case RunbookHuntKind.Sigma:
                node.Add("sigma", RunbookYaml.Parse(hunt.Body));
                break;
            case RunbookHuntKind.SigmaReference:
                Add(node, "sigmaId", hunt.Body);
                break;
            case RunbookHuntKind.Sql:
                Add(node, "sql", hunt.Body);
                break;
            case RunbookHuntKind.Yara:
                Add(node, "yara", hunt.Body);
                break;
            case RunbookHuntKind.FileCheck:
                Add(node, "fileCheck", hunt.Body);
                break;
            case RunbookHuntKind.Iocs:
                Add(node, "iocs", hunt.Body);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(hunt), hunt.Kind, "unknown hunt kind");
        }
    }

    private static void Add(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
            node.Add(key, RunbookYaml.Scalar(value));
    }

    private static void AddList(YamlMappingNode node, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
            node.Add(key, List(values));
    }

    private static YamlSequenceNode List(IEnumerable<string> values) => new(values.Select(v => (YamlNode)RunbookYaml.Scalar(v)));

    private static void AddMaps<T>(YamlMappingNode node, string key, IReadOnlyList<T> items, Action<YamlMappingNode, T> write)
    {
        if (items.Count == 0)
            return;
        node.Add(key, new YamlSequenceNode(items.Select(item =>
        {
            var map = new YamlMappingNode();
            write(map, item);
            return (YamlNode)map;
        })));
    }
}
