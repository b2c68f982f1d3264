using System.Globalization;
using Ooda.Formats.Evtx;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda evtx dump</c>: every record of an <c>.evtx</c> file to stdout as JSON lines, JSON or XML; damage to stderr.</summary>
public sealed class EvtxDumpCommand : Command<EvtxDumpSettings>
{
    public override int Execute(CommandContext context, EvtxDumpSettings settings, CancellationToken cancellationToken) =>
        Run(settings, cancellationToken);

    /// <summary>The command itself, also run by <see cref="EvtxDumpFastPath"/> without the command tree.</summary>
    internal static int Run(EvtxDumpSettings settings, CancellationToken cancellationToken)
    {
        var format = settings.Format.ToUpperInvariant() switch
        {
            "JSONL" => EvtxDumpFormat.JsonLines,
            "JSON" => EvtxDumpFormat.Json,
            "XML" => EvtxDumpFormat.Xml,
            _ => throw new InputException($"--format: '{settings.Format}' is not one of jsonl, json, xml"),
        };
        if (settings.Threads is < 1)
            throw new InputException("--threads must be 1 or more");
        if (!File.Exists(settings.File))
            throw new InputException($"no such file: {settings.File}");

        var path = settings.File;
        var options = new EvtxOptions
        {
            Recover = settings.Recover,
            MaxDegreeOfParallelism = settings.Threads ?? Environment.ProcessorCount,
            OnDiagnostic = d => Console.Error.WriteLine(TerminalText.Clean(
                string.Create(CultureInfo.InvariantCulture, $"{path}@0x{d.Offset:x}: {d}"))),
        };
        using var file = EvtxFile.Open(path, options);
        if (!file.Header.SignatureValid && !settings.Recover)
            throw new InputException($"{path} is not an EVTX file (no ElfFile signature); --recover carves what it can");

        // The writers buffer 64 KiB of output before each write to stdout.
        using var stdout = Console.OpenStandardOutput();
        if (format == EvtxDumpFormat.Xml)
        {
            using var xml = new EvtxXmlWriter(stdout);
            xml.WriteAll(file, cancellationToken);
        }
        else
        {
            using var json = new EvtxJsonWriter(stdout, format == EvtxDumpFormat.Json ? EvtxJsonOptions.Pretty : EvtxJsonOptions.Lines);
            json.WriteAll(file, cancellationToken);
        }

        return OodaApp.ExitOk;
    }
}
