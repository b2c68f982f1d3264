using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ooda.Core;
using Ooda.Formats.Text.Internal;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Formats.Text.Tests;

public sealed partial class ScratchProfile(ITestOutputHelper output)
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Sec; public long Nsec; }

#pragma warning disable SYSLIB1054, CA5392, CA1060
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec ts);
#pragma warning restore SYSLIB1054, CA5392, CA1060

    private static double CpuMs() { ClockGetTime(3, out var t); return t.Sec * 1e3 + t.Nsec / 1e6; }

    [SkippableFact]
    public void Breakdown()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("OODA_MEASURE") == "1", "x");
        var bytes = WindowsJsonLineGenerator.Lines(100_000);
        var lines = new List<(int, int)>();
        for (int i = 0, s = 0; i < bytes.Length; i++) if (bytes[i] == '\n') { lines.Add((s, i - s)); s = i + 1; }
        var ctx = TestSources.Context(new List<Diagnostic>());
        var names = new Utf8StringCache(10, 64);
        var values = new Utf8StringCache(10, 32);
        var fieldNames = new WindowsJsonEventParser().Parse(new MemoryStream(bytes, 0, 5000), ctx).First().Fields.Keys.ToArray();
        var results = new Dictionary<string, List<double>>();
        void Time(string what, Action a) { var t = CpuMs(); a(); (results.TryGetValue(what, out var l) ? l : results[what] = []).Add(CpuMs() - t); }
        for (var round = 0; round < 7; round++)
        {
            Time("framer", () => { using var framer = new JsonValueFramer(new MemoryStream(bytes), ctx, 1 << 24); while (framer.Read()) { } });
            Time("reader", () => { foreach (var (s, l) in lines) { var r = new Utf8JsonReader(bytes.AsSpan(s, l)); while (r.Read()) { } } });
            Time("reader+names", () => { foreach (var (s, l) in lines) { var r = new Utf8JsonReader(bytes.AsSpan(s, l)); while (r.Read()) { if (r.TokenType == JsonTokenType.PropertyName) _ = names.Get(r.ValueSpan); } } });
            Time("reader+valcache", () => { foreach (var (s, l) in lines) { var r = new Utf8JsonReader(bytes.AsSpan(s, l)); while (r.Read()) { if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped) _ = values.Get(r.ValueSpan); } } });
            Time("reader+getstring", () => { foreach (var (s, l) in lines) { var r = new Utf8JsonReader(bytes.AsSpan(s, l)); while (r.Read()) { if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped) _ = r.GetString(); } } });
            Time("reader+escaped", () => { foreach (var (s, l) in lines) { var r = new Utf8JsonReader(bytes.AsSpan(s, l)); while (r.Read()) { if (r.TokenType == JsonTokenType.String && r.ValueIsEscaped) _ = r.GetString(); } } });
            Time("reader+strings", () => { foreach (var (s, l) in lines) { var r = new Utf8JsonReader(bytes.AsSpan(s, l)); while (r.Read()) { if (r.TokenType == JsonTokenType.PropertyName) _ = names.Get(r.ValueSpan); else if (r.TokenType == JsonTokenType.String) _ = r.ValueIsEscaped ? r.GetString() : values.Get(r.ValueSpan); } } });
            var mapper = new JsonEventMapper();
            var events = new List<EvidenceEvent>(lines.Count);
            Time("map", () => { foreach (var (s, l) in lines) _ = mapper.Map(bytes.AsSpan(s, l), ctx, 1, 0); });
            foreach (var (s, l) in lines.Take(20000)) events.Add(mapper.Map(bytes.AsSpan(s, l), ctx, 1, 0));
            Time("fields (x5)", () => { foreach (var e in events) { var f = new EventFields(45); foreach (var (k, v) in e.Fields) f.TryAdd(k, v); } });
            Time("timestamp (x5)", () => { foreach (var e in events) _ = Timestamps.TryParseUtc(e.Fields["TimeCreated_SystemTime"], out _); });
            events.Clear();
            Time("reference all", () => new Ooda.Formats.Text.Tests.Reference.ReferenceJsonEventParser().Parse(new MemoryStream(bytes), ctx).Count());
            Time("dict45", () => { for (var i = 0; i < 100_000; i++) { var f = new EventFields(45); foreach (var n in fieldNames) f.TryAdd(n, n); } });
            Time("all", () => new WindowsJsonEventParser().Parse(new MemoryStream(bytes), ctx).Count());
        }

        foreach (var (k, v) in results) { v.Sort(); output.WriteLine($"{k,-16} median {v[v.Count / 2] / 100:F2} µs/event  (min {v[0] / 100:F2})"); }
    }
}

public sealed class ScratchHot
{
    [SkippableFact]
    public void HotLoop()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("OODA_HOT") == "1", "x");
        var bytes = WindowsJsonLineGenerator.Lines(50_000);
        var ctx = TestSources.Context(new List<Diagnostic>());
        for (var i = 0; i < 30; i++)
            _ = new WindowsJsonEventParser().Parse(new MemoryStream(bytes), ctx).Count();
    }
}
