using Ooda.Core;

namespace Ooda.Engine.Internal;

/// <summary>Keeps a file's diagnostics up to a limit and counts the rest, so a file of garbage cannot flood the store.</summary>
internal sealed class DiagnosticCollector(string file, int limit)
{
    private readonly List<Diagnostic> _kept = [];
    private long _dropped;

    public void Add(Diagnostic diagnostic)
    {
        lock (_kept)
        {
            if (_kept.Count < limit)
                _kept.Add(diagnostic);
            else
                _dropped++;
        }
    }

    public List<Diagnostic> ToList()
    {
        lock (_kept)
        {
            var list = new List<Diagnostic>(_kept);
            if (_dropped > 0)
                list.Add(new Diagnostic(file, string.Empty, $"{_dropped} more diagnostics not kept (limit {limit} per file)"));
            return list;
        }
    }
}
