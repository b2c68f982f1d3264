using Ooda.Formats.Evtx.Internal;

namespace Ooda.Formats.Evtx;

/// <summary>Writes records as JSON in the Rust <c>evtx</c> crate's shape (what SigmaHQ regression data stores).</summary>
public sealed class EvtxJsonWriter : IDisposable
{
    private readonly RecordOutput _output;
    private readonly CrateJsonRenderer _renderer;

    public EvtxJsonWriter(Stream output, EvtxJsonOptions? options = null, bool leaveOpen = true)
        : this(new RecordOutput(output ?? throw new ArgumentNullException(nameof(output)), null, leaveOpen), options)
    {
    }

    public EvtxJsonWriter(TextWriter output, EvtxJsonOptions? options = null, bool leaveOpen = true)
        : this(new RecordOutput(null, output ?? throw new ArgumentNullException(nameof(output)), leaveOpen), options)
    {
    }

    private EvtxJsonWriter(RecordOutput output, EvtxJsonOptions? options)
    {
        _output = output;
        Options = options ?? EvtxJsonOptions.Pretty;
        _renderer = new CrateJsonRenderer(new JsonEmitter(_output.Buffer, Options.Indented));
    }

    public EvtxJsonOptions Options { get; }

    /// <summary>One record's JSON, as a string.</summary>
    public static string ToJson(EvtxElement root, EvtxJsonOptions? options = null)
    {
        using var buffer = new Utf8Buffer();
        new CrateJsonRenderer(new JsonEmitter(buffer, (options ?? EvtxJsonOptions.Pretty).Indented)).WriteRecord(root);
        return buffer.ToUtf8String();
    }

    public void Write(EvtxRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _renderer.WriteRecord(record.Root);
        _output.EndRecord();
    }

    /// <summary>
    /// Writes every record of a file in file order and returns how many were written. Chunks are rendered in parallel
    /// straight from their templates (no record trees); the file's diagnostics go to its <see cref="EvtxOptions.OnDiagnostic"/>.
    /// </summary>
    public long WriteAll(EvtxFile file, CancellationToken cancellationToken = default) =>
        _output.WriteAll(file, length => new JsonSink(new Utf8Buffer(2 * length), Options.Indented), cancellationToken);

    public void Flush() => _output.Flush();

    public void Dispose() => _output.Dispose();
}
