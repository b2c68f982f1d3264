using System.Collections.Concurrent;
using Ooda.Detection.Yara.Internal;

namespace Ooda.Detection.Yara;

/// <summary>
/// Compiled YARA rules, shared by any number of <see cref="YaraScanner"/>s (one per thread). Disposing them while scanners
/// are alive is safe: the native rules are destroyed when the last scanner is.
/// </summary>
public sealed class YaraRules : IDisposable
{
    private readonly ConcurrentDictionary<nint, RuleInfo> _rules = new();
    private bool _disposed;

    internal YaraRules(RulesHandle handle)
    {
        Handle = handle;
        RuleCount = NativeReader.RuleCount(handle.DangerousGetHandle());
    }

    /// <summary>Rules in the set, private ones included.</summary>
    public int RuleCount { get; }

    internal RulesHandle Handle { get; }

    /// <summary>A scanner for one thread at a time.</summary>
    public YaraScanner CreateScanner(YaraScanOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new YaraScanner(this, options ?? YaraScanOptions.Default);
    }

    public void Dispose()
    {
        _disposed = true;
        Handle.Dispose();
    }

    internal RuleInfo Rule(nint rule) => _rules.GetOrAdd(rule, NativeReader.ReadRule);

    /// <summary>Rules per namespace, for the compile verdicts.</summary>
    internal Dictionary<string, int> CountByNamespace()
    {
        var added = false;
        Handle.DangerousAddRef(ref added);
        try
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var rule in NativeReader.Rules(Handle.DangerousGetHandle()))
            {
                var ns = NativeReader.RuleNamespace(rule);
                counts[ns] = counts.GetValueOrDefault(ns) + 1;
            }

            return counts;
        }
        finally
        {
            Handle.DangerousRelease();
        }
    }
}
