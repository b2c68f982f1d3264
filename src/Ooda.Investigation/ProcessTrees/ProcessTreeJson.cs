using System.Text.Json;
using Ooda.Investigation.ProcessTrees.Internal;

namespace Ooda.Investigation.ProcessTrees;

/// <summary>A process tree as one nested JSON document: the CLI's <c>--format json</c> and the reports' data.</summary>
public static class ProcessTreeJson
{
    // Property names are UTF-8 literals: a month's tree writes millions of them, each transcoded and checked when given as text.
    public static void Write(Utf8JsonWriter writer, ProcessTree tree)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tree);
        writer.WriteStartObject();
        writer.WriteString("tenant"u8, SafeText.WellFormed(tree.Tenant));
        writer.WriteString("host"u8, SafeText.WellFormed(tree.Host));
        WriteTime(writer, "from"u8, tree.From);
        WriteTime(writer, "to"u8, tree.To);
        writer.WriteStartObject("selection"u8);
        writer.WriteString("description"u8, SafeText.WellFormed(tree.Selection.ToString()));
        writer.WriteString("rootImage"u8, SafeText.WellFormed(tree.Selection.RootImage));
        WriteNumber(writer, "pid"u8, tree.Selection.Pid);
        WriteTime(writer, "at"u8, tree.Selection.At);
        writer.WriteString("guid"u8, SafeText.WellFormed(tree.Selection.Guid));
        writer.WriteEndObject();
        writer.WriteStartObject("limits"u8);
        writer.WriteNumber("maxDepth"u8, tree.Limits.MaxDepth);
        writer.WriteNumber("maxNodes"u8, tree.Limits.MaxNodes);
        writer.WriteEndObject();
        writer.WriteNumber("processes"u8, tree.Processes);
        writer.WriteNumber("matched"u8, tree.Matched);
        writer.WriteNumber("shown"u8, tree.Shown);
        writer.WriteNumber("hidden"u8, tree.Hidden);
        writer.WriteNumber("hiddenRoots"u8, tree.HiddenRoots);
        writer.WriteStartArray("diagnostics"u8);
        foreach (var diagnostic in tree.Diagnostics)
            writer.WriteStringValue(SafeText.WellFormed(diagnostic));
        writer.WriteEndArray();
        writer.WriteStartArray("roots"u8);
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
            writer.WriteStartArray("ancestors"u8);
            foreach (var ancestor in node.Ancestors)
            {
                writer.WriteStartObject();
                WriteProcess(writer, ancestor, withEvidence: false);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("moreAncestors"u8, node.MoreAncestors);
        }

        writer.WriteStartArray("children"u8);
        foreach (var child in node.Children)
            WriteNode(writer, child);
        writer.WriteEndArray();
        writer.WriteNumber("hiddenChildren"u8, node.HiddenChildren);
        writer.WriteNumber("hiddenProcesses"u8, node.HiddenProcesses);
        writer.WriteEndObject();
    }

    private static void WriteProcess(Utf8JsonWriter writer, ProcessNode p, bool withEvidence)
    {
        writer.WriteNumber("id"u8, p.Id);
        WriteNumber(writer, "pid"u8, p.Pid);
        writer.WriteString("guid"u8, SafeText.WellFormed(p.Guid));
        writer.WriteString("image"u8, SafeText.WellFormed(p.Image));
        writer.WriteString("name"u8, SafeText.WellFormed(p.Name));
        writer.WriteString("commandLine"u8, SafeText.WellFormed(p.CommandLine));
        writer.WriteBoolean("commandLineClipped"u8, p.CommandLineClipped);
        writer.WriteString("user"u8, SafeText.WellFormed(p.User));
        writer.WriteString("integrity"u8, SafeText.WellFormed(p.Integrity));
        WriteTime(writer, "start"u8, p.Start);
        WriteTime(writer, "end"u8, p.End);
        writer.WriteString("source"u8, SourceName(p.Source));
        writer.WriteString("parentLink"u8, LinkName(p.ParentLink));
        if (!withEvidence)
            return;
        writer.WriteStartArray("evidence"u8);
        foreach (var e in p.Evidence)
        {
            writer.WriteStartObject();
            writer.WriteNumber("eventId"u8, e.EventId);
            writer.WriteString("time"u8, IsoTime.Format(e.Timestamp));
            WriteNumber(writer, "recordId"u8, e.RecordId);
            writer.WriteString("sha256"u8, e.FileSha256);
            writer.WriteString("file"u8, SafeText.WellFormed(e.File));
            WriteNumber(writer, "offset"u8, e.Offset);
            WriteNumber(writer, "line"u8, e.Line);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTime? time)
    {
        if (time is { } t)
            writer.WriteString(name, IsoTime.Format(t));
        else
            writer.WriteNull(name);
    }

    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }
}
