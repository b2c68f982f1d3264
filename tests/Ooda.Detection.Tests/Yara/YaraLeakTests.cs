using System.Runtime.InteropServices;
using Ooda.Detection.Tests.Yara.Support;
using Ooda.Detection.Yara;
using Ooda.Detection.Yara.Internal;
using Xunit.Abstractions;

namespace Ooda.Detection.Tests.Yara;

/// <summary>Native memory is measured with glibc's allocator statistics, so nothing else may run beside it.</summary>
[Collection(SerialCollection.Name)]
public sealed class YaraLeakTests
{
    private const string Rules = """
        rule a { strings: $a = "eval(Request" $b = /Request\.Item\[[^\]]{1,20}\]/ $c = { 21 42 44 4E } condition: any of them }
        rule b { strings: $a = "cmd.exe" wide ascii nocase condition: $a and filename == "x" }
        """;

    private readonly ITestOutputHelper _output;

    public YaraLeakTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Compiling_scanning_and_disposing_200_times_leaks_no_native_memory_or_leases()
    {
        YaraTest.RequireLibrary();
        Skip.IfNot(OperatingSystem.IsLinux(), "native heap statistics come from glibc");
        var source = Enumerable.Range(0, 50).Select(i => Rules.Replace("rule a", $"rule a{i}", StringComparison.Ordinal)
            .Replace("rule b", $"rule b{i}", StringComparison.Ordinal)).Aggregate((x, y) => x + "\n" + y);
        var data = YaraScannerTests.Generated(5, 16 * 1024);
        void Once()
        {
            using var result = YaraCompiler.CompileSources([YaraSource.FromText("leak.yar", source)], YaraExternals.None);
            using var scanner = result.Rules!.CreateScanner();
            var matches = new List<YaraMatch>();
            scanner.Scan(data, new YaraExternals("x"), matches);
            Assert.NotEmpty(matches);
        }

        // Phase 1: libyara stays initialized (an anchor rule set holds a lease), so growth is what compile/scan/dispose leaves.
        var anchor = YaraCompiler.CompileSources([YaraSource.FromText("anchor.yar", "rule anchor { condition: true }")], YaraExternals.None);
        for (var i = 0; i < 10; i++)
            Once();
        var leases = YaraRuntime.Leases;
        var before = InUse();
        var kept = YaraCompiler.CompileSources([YaraSource.FromText("leak.yar", source)], YaraExternals.None);
        var perSet = InUse() - before;
        kept.Dispose();
        before = InUse();
        for (var i = 0; i < 200; i++)
            Once();
        var growth = InUse() - before;
        Assert.Equal(leases, YaraRuntime.Leases);
        anchor.Dispose();
        Settle();

        // Phase 2: nothing else holds a lease, so every iteration also initializes and finalizes libyara.
        var baseline = YaraRuntime.Leases;
        Once();
        before = InUse();
        for (var i = 0; i < 200; i++)
            Once();
        var churn = InUse() - before;
        _output.WriteLine($"one rule set: {perSet:N0} bytes; growth after 200 compile/scan/dispose: {growth:N0} bytes; with init/finalize each time: {churn:N0} bytes");

        Assert.Equal(baseline, YaraRuntime.Leases);
        Assert.True(perSet > 10_000, $"a rule set should cost native memory, measured {perSet}");
        // glibc's statistics move by a few MiB with the runtime's own allocations; leaking rule sets would add 200 of them.
        Assert.True(growth < perSet * 4, $"native heap grew {growth:N0} bytes over 200 iterations; one rule set is {perSet:N0}");
        Assert.True(churn < perSet * 4, $"native heap grew {churn:N0} bytes over 200 initialize/finalize iterations; one rule set is {perSet:N0}");
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long InUse()
    {
        Settle();
        var info = MallInfo2();
        return (long)(info.Uordblks + info.Hblkhd);
    }

    [DllImport("libc.so.6", EntryPoint = "mallinfo2")]
    private static extern MallInfo MallInfo2();

    /// <summary>glibc's struct mallinfo2 (malloc.h): ten size_t fields; in-use heap is uordblks plus mmapped blocks (hblkhd).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo
    {
        public readonly nuint Arena;
        public readonly nuint Ordblks;
        public readonly nuint Smblks;
        public readonly nuint Hblks;
        public readonly nuint Hblkhd;
        public readonly nuint Usmblks;
        public readonly nuint Fsmblks;
        public readonly nuint Uordblks;
        public readonly nuint Fordblks;
        public readonly nuint Keepcost;
    }
}
