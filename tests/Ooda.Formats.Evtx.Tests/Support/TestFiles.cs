using Ooda.Formats.Evtx.Tests.Writer;

namespace Ooda.Formats.Evtx.Tests.Support;

/// <summary>Small EVTX files made by the test writer, plus reading helpers.</summary>
internal static class TestFiles
{
    public static readonly string[] DataNames = ["User", "Count"];

    /// <summary>A file of standard records with ids 1..count.</summary>
    public static (byte[] File, EvtxTestWriter Writer) Standard(int count, int firstId = 1)
    {
        var writer = new EvtxTestWriter();
        for (var i = 0; i < count; i++)
        {
            var id = (ulong)(firstId + i);
            writer.Add(EvtxTestWriter.StandardEvent(id, (ushort)(4000 + (i % 7)), DataNames, TestValue.String($"user{id}"), TestValue.String(new string('x', (int)(id % 50)))));
        }

        return (writer.ToArray(), writer);
    }

    public static (List<EvtxRecord> Records, List<EvtxDiagnostic> Diagnostics) Read(byte[] file, bool recover = false, int parallelism = 1)
    {
        var diagnostics = new List<EvtxDiagnostic>();
        using var evtx = EvtxFile.Open(new MemoryStream(file), new EvtxOptions { Recover = recover, MaxDegreeOfParallelism = parallelism, OnDiagnostic = diagnostics.Add });
        return (evtx.ReadRecords().ToList(), diagnostics);
    }
}
