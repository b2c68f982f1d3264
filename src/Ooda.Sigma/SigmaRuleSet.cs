using Ooda.Core;
using Ooda.Sigma.Internal;

namespace Ooda.Sigma;

/// <summary>
/// Compiled rules and their prefilter index: rule targets are filed under channel, provider, source kind and event id,
/// so an event meets only the rules that can match it. Immutable after compilation and safe to share across threads;
/// each thread evaluates with its own <see cref="SigmaEvaluationContext"/>.
/// </summary>
public sealed class SigmaRuleSet
{
    private readonly FieldTable _fields;
    private readonly (CompiledRule Rule, int RuleIndex, CompiledTarget Target)[] _entries;
    private readonly Dictionary<string, Bucket> _byChannel = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Bucket> _byProvider = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<SourceKind, Bucket> _byKind = [];
    private readonly Bucket _everything = new();
    private string[] _fieldNames;

    private sealed class Bucket
    {
        public Dictionary<int, List<int>> ById { get; } = [];

        public List<int> AnyId { get; } = [];
    }

    private SigmaRuleSet(FieldTable fields, List<CompiledRule> rules, List<SigmaRuleVerdict> verdicts)
    {
        _fields = fields;
        Rules = rules;
        Verdicts = verdicts;
        var entries = new List<(CompiledRule, int, CompiledTarget)>();
        for (var r = 0; r < rules.Count; r++)
        {
            foreach (var target in rules[r].Targets)
            {
                File(entries.Count, target.Target);
                entries.Add((rules[r], r, target));
            }
        }

        _entries = [.. entries];
        _fieldNames = fields.Snapshot();
    }

    /// <summary>Every rule document with its verdict, in load order.</summary>
    public IReadOnlyList<SigmaRuleVerdict> Verdicts { get; }

    /// <summary>The rules that compiled and apply to at least one event source.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>Loads and compiles every rule under a folder (or one file).</summary>
    public static SigmaRuleSet Load(string path, SigmaCompileOptions? options = null) =>
        Compile(SigmaRuleLoader.LoadPath(path), options);

    public static SigmaRuleSet Compile(IEnumerable<SigmaLoadResult> documents, SigmaCompileOptions? options = null)
    {
        options ??= SigmaCompileOptions.Default;
        var table = new FieldTable();
        var rules = new List<CompiledRule>();
        var verdicts = new List<SigmaRuleVerdict>();
        foreach (var document in documents)
        {
            if (document.Rule is not { } rule)
            {
                verdicts.Add(new SigmaRuleVerdict(document.Location, null, null, SigmaVerdictStatus.Rejected, document.Error, []));
                continue;
            }

            var (compiled, verdict) = RuleCompiler.Compile(rule, options, table);
            verdicts.Add(verdict);
            if (compiled is not null)
                rules.Add(compiled);
        }

        return new SigmaRuleSet(table, rules, verdicts);
    }

    public SigmaEvaluationContext CreateContext()
    {
        _fieldNames = _fields.Snapshot();
        return new SigmaEvaluationContext(_fieldNames, _entries.Length + Rules.Count);
    }

    /// <summary>Adds one detection per rule that matches <paramref name="evidence"/> to <paramref name="detections"/>.</summary>
    /// <param name="usePrefilter">False tests every rule target (for measuring what the index saves).</param>
    public void Evaluate(EvidenceEvent evidence, SigmaEvaluationContext context, ICollection<SigmaDetection> detections, bool usePrefilter = true)
    {
        context.Reset(evidence);
        if (!usePrefilter)
        {
            for (var i = 0; i < _entries.Length; i++)
                Try(i, evidence, context, detections);
            return;
        }

        if (evidence.Channel is { } channel && _byChannel.TryGetValue(channel, out var byChannel))
            Visit(byChannel, evidence, context, detections);
        if (evidence.Provider is { } provider && _byProvider.TryGetValue(provider, out var byProvider))
            Visit(byProvider, evidence, context, detections);
        if (_byKind.TryGetValue(evidence.Kind, out var byKind))
            Visit(byKind, evidence, context, detections);
        Visit(_everything, evidence, context, detections);
    }

    /// <summary>How many rule targets an event of this shape is tested against (prefilter effectiveness).</summary>
    public int CandidateCount(EvidenceEvent evidence)
    {
        var count = 0;
        foreach (var bucket in new[] { evidence.Channel is { } c ? _byChannel.GetValueOrDefault(c) : null, evidence.Provider is { } p ? _byProvider.GetValueOrDefault(p) : null, _byKind.GetValueOrDefault(evidence.Kind), _everything })
        {
            if (bucket is null)
                continue;
            count += bucket.AnyId.Count + (evidence.EventId is { } id && bucket.ById.TryGetValue(id, out var list) ? list.Count : 0);
        }

        return count;
    }

    private void Visit(Bucket bucket, EvidenceEvent evidence, SigmaEvaluationContext context, ICollection<SigmaDetection> detections)
    {
        if (evidence.EventId is { } id && bucket.ById.TryGetValue(id, out var byId))
        {
            foreach (var entry in byId)
                Try(entry, evidence, context, detections);
        }

        foreach (var entry in bucket.AnyId)
            Try(entry, evidence, context, detections);
    }

    private void Try(int entry, EvidenceEvent evidence, SigmaEvaluationContext context, ICollection<SigmaDetection> detections)
    {
        if (!context.FirstVisit(entry))
            return;
        var (rule, ruleIndex, target) = _entries[entry];
        if (!target.Target.Accepts(evidence) || !target.Matches(context))
            return;
        if (!context.FirstVisit(_entries.Length + ruleIndex))
            return;
        var matched = new List<KeyValuePair<string, string>>(target.Fields.Count);
        foreach (var (_, eventField) in target.Fields)
        {
            if (evidence.Fields.Get(eventField) is { } value)
                matched.Add(new KeyValuePair<string, string>(eventField, value));
        }

        detections.Add(new SigmaDetection(rule.Rule, target.Target.Name, evidence, target.Translations, matched));
    }

    private void File(int entry, LogsourceTarget target)
    {
        var buckets = new List<Bucket>();
        foreach (var channel in target.Channels)
            buckets.Add(GetOrAdd(_byChannel, channel));
        foreach (var provider in target.Providers)
            buckets.Add(GetOrAdd(_byProvider, provider));
        if (buckets.Count == 0)
        {
            foreach (var kind in target.Kinds)
                buckets.Add(GetOrAdd(_byKind, kind));
        }

        if (buckets.Count == 0)
            buckets.Add(_everything);
        foreach (var bucket in buckets)
        {
            if (target.EventIds.Count == 0)
            {
                bucket.AnyId.Add(entry);
                continue;
            }

            foreach (var id in target.EventIds)
            {
                if (!bucket.ById.TryGetValue(id, out var list))
                    bucket.ById[id] = list = [];
                list.Add(entry);
            }
        }
    }

    private static Bucket GetOrAdd<TKey>(Dictionary<TKey, Bucket> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var bucket))
            map[key] = bucket = new Bucket();
        return bucket;
    }
}
