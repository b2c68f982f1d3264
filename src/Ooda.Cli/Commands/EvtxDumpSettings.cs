using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class EvtxDumpSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The .evtx file.")]
    public string File { get; init; } = string.Empty;

    [CommandOption("-f|--format <FORMAT>")]
    [Description("jsonl (one record per line, the evtx crate's shape), json (indented) or xml (evtxexport's shape).")]
    [DefaultValue("jsonl")]
    public string Format { get; init; } = "jsonl";

    [CommandOption("--recover")]
    [Description("Also carve records from chunk slack, damaged chunks and space after the last chunk.")]
    public bool Recover { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Chunks decoded at once (default: all cores; 1 decodes on one thread).")]
    public int? Threads { get; init; }
}
