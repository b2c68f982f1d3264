using System.Diagnostics;
using CsCheck;
using Ooda.Core;
using Ooda.Formats.Evtx.Tests.Support;
using Ooda.Formats.Evtx.Tests.Writer;
using Ooda.Testing;

namespace Ooda.Formats.Evtx.Tests;

/// <summary>Mutated files never make Parse throw, hang or allocate without bound.</summary>
public sealed class FuzzTests
{
    private const string Seed = "0000000000000";
    private const long MaxAllocatedBytesPerCase = 256L << 20;
    private static readonly TimeSpan _maxTimePerCase = TimeSpan.FromSeconds(10);

    [Fact]
    public void Mutated_written_files_never_break_the_parser() => Fuzz(WrittenFile(), iterations: 400);

    [SkippableFact]
    public void Mutated_corpus_files_never_break_the_parser()
    {
        var path = Corpus.Require("evtx-attack-samples/Credential Access/CA_chrome_firefox_opera_4663.evtx");
        Fuzz(File.ReadAllBytes(path), iterations: 150);
    }

    private static void Fuzz(byte[] original, int iterations)
    {
        var mutation = Gen.Select(
            Gen.Int[0, original.Length - 1].Array[1, 64],
            Gen.Byte.Array[64],
            Gen.Int[0, 3],
            Gen.Int[FileHeaderLayoutSize, original.Length]);
        mutation.Sample(m =>
        {
            var (positions, values, mode, cut) = m;
            var bytes = (byte[])original.Clone();
            for (var i = 0; i < positions.Length; i++)
                bytes[positions[i]] = mode == 0 ? (byte)0 : mode == 1 ? (byte)0xFF : values[i];
            if (mode == 3)
                bytes = bytes[..cut];
            foreach (var recover in new[] { false, true })
                RunBounded(bytes, recover);
        }, seed: Seed, iter: iterations, threads: 1);
    }

    private const int FileHeaderLayoutSize = 0x1000;

    private static void RunBounded(byte[] bytes, bool recover)
    {
        var parser = new EvtxEvidenceParser(new EvtxOptions { Recover = recover, MaxDegreeOfParallelism = 1 });
        var context = new ParseContext(new EvidenceSource("fuzz.evtx", "0", "t", "h"), _ => { });
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var count = 0;
        foreach (var e in parser.Parse(new MemoryStream(bytes), context))
        {
            count += e.Fields.Count;
            Assert.True(clock.Elapsed < _maxTimePerCase, "parse took too long");
        }

        Assert.True(clock.Elapsed < _maxTimePerCase, $"parse took {clock.Elapsed}");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MaxAllocatedBytesPerCase, $"parse allocated {allocated} bytes");
    }

    private static byte[] WrittenFile()
    {
        var writer = new EvtxTestWriter();
        TestValue[] values =
        [
            TestValue.String("s"), TestValue.Ansi("a"), TestValue.Int8(1), TestValue.UInt8(2), TestValue.Int16(3), TestValue.UInt16(4),
            TestValue.Int32(5), TestValue.UInt32(6), TestValue.Int64(7), TestValue.UInt64(8), TestValue.Real32(9), TestValue.Real64(10),
            TestValue.Bool(true), TestValue.Binary(1, 2), TestValue.Guid(Guid.Empty), TestValue.SizeT(11), TestValue.FileTime(DateTime.UnixEpoch),
            TestValue.SystemTime(DateTime.UnixEpoch), TestValue.Sid("S-1-5-18"), TestValue.HexInt32(12), TestValue.HexInt64(13),
            TestValue.StringArray("x", "y"), TestValue.Array(TestValue.Int32(1), TestValue.Int32(2)),
        ];
        var template = TestNode.Element("Event", TestNode.Element("EventData",
            [.. values.Select((v, i) => TestNode.Element("Data", TestNode.Sub((ushort)i, v.Type)).Attr("Name", TestNode.Text($"V{i}")))]));
        for (ulong id = 1; id <= 40; id++)
        {
            writer.Add(new TestEvent(id, DateTime.UnixEpoch, template, values, new Guid("11111111-2222-3333-4444-555555555555")));
            writer.Add(EvtxTestWriter.StandardEvent(100 + id, 7, TestFiles.DataNames, TestValue.String("u"), TestValue.String("c")));
        }

        return writer.ToArray();
    }
}
