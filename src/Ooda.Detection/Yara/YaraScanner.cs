using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ooda.Detection.Yara.Internal;

namespace Ooda.Detection.Yara;

/// <summary>
/// Scans data with compiled rules, setting the LOKI/THOR externals for each scan. Not thread-safe: create one per thread
/// from the shared <see cref="YaraRules"/>.
/// </summary>
public sealed unsafe class YaraScanner : IDisposable
{
    private readonly YaraRules _rules;
    private readonly YaraScanOptions _options;
    private readonly ScannerHandle _handle;
    private List<YaraMatch>? _sink;
    private bool _tooManyMatches;
    private Exception? _fault;
    private int _busy;

    internal YaraScanner(YaraRules rules, YaraScanOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxStringMatches);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDataBytes);
        _rules = rules;
        _options = options;
        _handle = ScannerHandle.Create(rules.Handle, this);
        LibYara.ScannerSetCallback(_handle, &OnMessage, _handle.State);
        LibYara.ScannerSetFlags(_handle, LibYara.ScanFlagsReportRulesMatching);
        LibYara.ScannerSetTimeout(_handle, TimeoutSeconds(options.Timeout));
    }

    /// <summary>Scans <paramref name="data"/>; matching rules are appended to <paramref name="matches"/>.</summary>
    public YaraScanStatus Scan(ReadOnlySpan<byte> data, YaraExternals externals, List<YaraMatch> matches)
    {
        Begin(externals, matches);
        try
        {
            byte empty = 0;
            int rc;
            fixed (byte* p = data)
                rc = LibYara.ScannerScanMem(_handle, data.IsEmpty ? &empty : p, (nuint)data.Length);
            return End(rc, "memory");
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>Scans the file at <paramref name="path"/> (mapped by libyara, not read into memory).</summary>
    /// <exception cref="YaraException">The file could not be opened or mapped; the message names it.</exception>
    public YaraScanStatus ScanFile(string path, YaraExternals externals, List<YaraMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(path);
        Begin(externals, matches);
        try
        {
            return End(LibYara.ScannerScanFile(_handle, path), path);
        }
        finally
        {
            Finish();
        }
    }

    public void Dispose() => _handle.Dispose();

    private static int TimeoutSeconds(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero ? 1 : (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalSeconds));

    private void Begin(YaraExternals externals, List<YaraMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(externals);
        ArgumentNullException.ThrowIfNull(matches);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            throw new InvalidOperationException("a YaraScanner is used by one thread at a time; create one per thread");
        _sink = matches;
        _tooManyMatches = false;
        _fault = null;
        var values = externals.Values;
        for (var i = 0; i < YaraExternals.Names.Count; i++)
        {
            var rc = LibYara.ScannerDefineStringVariable(_handle, YaraExternals.Names[i], values[i]);
            if (rc != LibYara.Success)
            {
                Finish();
                throw new YaraException($"setting external '{YaraExternals.Names[i]}' failed: {YaraErrors.Describe(rc)}");
            }
        }
    }

    private YaraScanStatus End(int rc, string what)
    {
        if (_fault is not null)
            throw new YaraException($"{what}: reading a match failed: {_fault.Message}", _fault);
        return rc switch
        {
            LibYara.Success => _tooManyMatches ? YaraScanStatus.TooManyMatches : YaraScanStatus.Completed,
            YaraErrors.ScanTimeout => YaraScanStatus.TimedOut,
            YaraErrors.TooManyMatches => YaraScanStatus.TooManyMatches,
            _ => throw new YaraException($"{what}: scan failed: {YaraErrors.Describe(rc)}"),
        };
    }

    private void Finish()
    {
        _sink = null;
        Volatile.Write(ref _busy, 0);
    }

    private int OnRuleMatching(nint context, nint rule)
    {
        var info = _rules.Rule(rule);
        var matchesTable = *(nint*)(context + YaraLayout.ContextMatches);
        var strings = new List<YaraStringMatch>();
        foreach (var (index, identifier) in info.Strings)
        {
            var match = *(nint*)(matchesTable + ((nint)index * YaraLayout.MatchesSize) + YaraLayout.MatchesHead);
            for (; match != 0 && strings.Count < _options.MaxStringMatches; match = *(nint*)(match + YaraLayout.MatchNext))
            {
                // rules.h: yr_string_matches_foreach skips private matches.
                if (*(byte*)(match + YaraLayout.MatchIsPrivate) != 0)
                    continue;
                var offset = *(long*)(match + YaraLayout.MatchBase) + *(long*)(match + YaraLayout.MatchOffset);
                var length = *(int*)(match + YaraLayout.MatchLength);
                var dataLength = Math.Clamp(*(int*)(match + YaraLayout.MatchDataLength), 0, _options.MaxDataBytes);
                var data = *(nint*)(match + YaraLayout.MatchData);
                var bytes = data == 0 ? [] : new ReadOnlySpan<byte>((void*)data, dataLength).ToArray();
                strings.Add(new YaraStringMatch(identifier, offset, length, bytes));
            }
        }

        _sink?.Add(new YaraMatch(info.Name, info.Namespace, info.Tags, info.Meta, strings));
        return LibYara.CallbackContinue;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnMessage(nint context, int message, nint messageData, nint userData)
    {
        if (GCHandle.FromIntPtr(userData).Target is not YaraScanner scanner)
            return LibYara.CallbackError;
        try
        {
            switch (message)
            {
                case LibYara.MessageRuleMatching:
                    return scanner.OnRuleMatching(context, messageData);
                case LibYara.MessageTooManyMatches:
                    scanner._tooManyMatches = true;
                    return LibYara.CallbackContinue;
                default:
                    return LibYara.CallbackContinue;
            }
        }
        catch (Exception e)
        {
            // An exception must never unwind into libyara (the runtime would fail fast): stop the scan, rethrow after it.
            scanner._fault = e;
            return LibYara.CallbackError;
        }
    }
}
