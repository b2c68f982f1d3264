using System.Text.Json;
using Ooda.Investigation.ProcessTrees.Internal;

namespace Ooda.Investigation.ProcessTrees;

/// <summary>A process tree as one nested JSON document: the CLI's <c>--format json</c> and the reports' data.</summary>
public static class ProcessTreeJson
{
    public static void Write(Utf8JsonWriter writer, ProcessTree tree)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tree);
        writer.WriteStartObject();
        writer.WriteString("tenant", SafeText.WellFormed(tree.Tenant));
        writer.WriteString("host", SafeText.WellFormed(tree.Host));
        WriteTime(writer, "from", tree.From);
        WriteTime(writer, "to", tree.To);
        writer.WriteStartObject("selection");
        writer.WriteString("description", SafeText.WellFormed(tree.Selection.ToString()));
        writer.WriteString("rootImage", SafeText.WellFormed(tree.Selection.RootImage));
        WriteNumber(writer, "pid", tree.Selection.Pid);
        WriteTime(writer, "at", tree.Selection.At);
        writer.WriteString("guid", SafeText.WellFormed(tree.Selection.Guid));
        writer.WriteEndObject();
        writer.WriteStartObject("limits");
        writer.WriteNumber("maxDepth", tree.Limits.MaxDepth);
        writer.WriteNumber("maxNodes", tree.Limits.MaxNodes);
        writer.WriteEndObject();
        writer.WriteNumber("processes", tree.Processes);
        writer.WriteNumber("matched", tree.Matched);
        writer.WriteNumber("shown", tree.Shown);
        writer.WriteNumber("hidden", tree.Hidden);
        writer.WriteNumber("hiddenRoots", tree.HiddenRoots);
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in tree.Diagnostics)
            writer.WriteStringValue(SafeText.WellFormed(diagnostic));
        writer.WriteEndArray();
        writer.WriteStartArray("roots");
        foreach (var root in tree.Roots)
            WriteNode(writer, root);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The name a JSON document (and the SVG legend) uses for a source.</summary>
    public static string SourceName(ProcessSource source) => source switch
    {
        ProcessSource.Sysmon => "sysmon",
        ProcessSource.Security => "security",
        ProcessSource.Both => "both",
        _ => "inferred",
    };

    public static string LinkName(ProcessParentLink link) => link switch
    {
        ProcessParentLink.Guid => "guid",
        ProcessParentLink.ProcessId => "pid",
        ProcessParentLink.Inferred => "inferred",
        ProcessParentLink.CycleCut => "cycle-cut",
        _ => "none",
    };

    // Depth is bounded by ProcessTreeLimits.MaxDepthAllowed, so recursion here is bounded too.
    private static void WriteNode(Utf8JsonWriter writer, ProcessTreeNode node)
    {
        writer.WriteStartObject();
        WriteProcess(writer, node.Process, withEvidence: true);
        if (node.Ancestors.Count > 0)
        {
            writer.WriteStartArray("ancestors");
            foreach (var ancestor in node.Ancestors)
            {
                writer.WriteStartObject();
                WriteProcess(writer, ancestor, withEvidence: false);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("moreAncestors", node.MoreAncestors);
        }

        writer.WriteStartArray("children");
        foreach (var child in node.Children)
            WriteNode(writer, child);
        writer.WriteEndArray();
        writer.WriteNumber("hiddenChildren", node.HiddenChildren);
        writer.WriteNumber("hiddenProcesses", node.HiddenProcesses);
        writer.WriteEndObject();
    }

    private static void WriteProcess(Utf8JsonWriter writer, ProcessNode p, bool withEvidence)
    {
        writer.WriteNumber("id", p.Id);
        WriteNumber(writer, "pid", p.Pid);
        writer.WriteString("guid", SafeText.WellFormed(p.Guid));
        writer.WriteString("image", SafeText.WellFormed(p.Image));
        writer.WriteString("name", SafeText.WellFormed(p.Name));
        writer.WriteString("commandLine", SafeText.WellFormed(p.CommandLine));
        writer.WriteBoolean("commandLineClipped", p.CommandLineClipped);
        writer.WriteString("user", SafeText.WellFormed(p.User));
        writer.WriteString("integrity", SafeText.WellFormed(p.Integrity));
        WriteTime(writer, "start", p.Start);
        WriteTime(writer, "end", p.End);
        writer.WriteString("source", SourceName(p.Source));
        writer.WriteString("parentLink", LinkName(p.ParentLink));
        if (!withEvidence)
            return;
        writer.WriteStartArray("evidence");
        foreach (var e in p.Evidence)
        {
            writer.WriteStartObject();
            writer.WriteNumber("eventId", e.EventId);
            writer.WriteString("time", IsoTime.Format(e.Timestamp));
            WriteNumber(writer, "recordId", e.RecordId);
            writer.WriteString("sha256", e.FileSha256);
            writer.WriteString("file", SafeText.WellFormed(e.File));
            WriteNumber(writer, "offset", e.Offset);
            WriteNumber(writer, "line", e.Line);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTime? time)
    {
        if (time is { } t)
            writer.WriteString(name, IsoTime.Format(t));
        else
            writer.WriteNull(name);
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }
}
