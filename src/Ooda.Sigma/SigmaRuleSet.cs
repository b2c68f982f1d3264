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
    private readonly HashSet<SigmaRule> _suppressed = new(ReferenceEqualityComparer.Instance);
    private readonly NeedleIndex _needles;
    private string[] _fieldNames;

    private sealed class Bucket
    {
        public Dictionary<int, List<int>> ById { get; } = [];

        public List<int> AnyId { get; } = [];

        public Dictionary<int, CandidateList> ListById { get; } = [];

        public CandidateList? ListAnyId { get; set; }

        public void Freeze(NeedleIndex needles)
        {
            foreach (var (id, entries) in ById)
                ListById[id] = new CandidateList([.. entries], needles);
            ListAnyId = new CandidateList([.. AnyId], needles);
        }
    }

    private SigmaRuleSet(FieldTable fields, List<CompiledRule> rules, List<SigmaRuleVerdict> verdicts, List<CompiledCorrelation> correlations)
    {
        _fields = fields;
        Rules = rules;
        Verdicts = verdicts;
        Correlations = correlations;
        foreach (var correlation in correlations.Where(c => !c.Generate))
            _suppressed.UnionWith(correlation.Rules);
        foreach (var correlation in correlations.Where(c => c.Generate))
            _suppressed.ExceptWith(correlation.Rules);
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
        _needles = new NeedleIndex([.. _entries.Select(e => e.Target)], fields.Find("EventID") ?? NeedleDerivation.NoSlot);
        foreach (var bucket in _byChannel.Values.Concat(_byProvider.Values).Concat(_byKind.Values).Append(_everything))
            bucket.Freeze(_needles);
        _fieldNames = fields.Snapshot();
    }

    /// <summary>Every rule document with its verdict, in load order.</summary>
    public IReadOnlyList<SigmaRuleVerdict> Verdicts { get; }

    /// <summary>The rules that compiled and apply to at least one event source.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The correlation rules that compiled, each after the correlations it references.</summary>
    public IReadOnlyList<CompiledCorrelation> Correlations { get; }

    /// <summary>Loads and compiles every rule under a folder (or one file).</summary>
    public static SigmaRuleSet Load(string path, SigmaCompileOptions? options = null) =>
        Compile(SigmaRuleLoader.LoadPath(path, options?.RuleCacheDirectory), options);

    /// <summary>
    /// Loads the rules under <paramref name="path"/> and the Sigma filters under <paramref name="filterPaths"/> (e.g.
    /// per-tenant allow-lists kept apart from the rules). A document there that is not a filter is refused.
    /// </summary>
    public static SigmaRuleSet Load(string path, IReadOnlyList<string> filterPaths, SigmaCompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filterPaths);
        var filters = filterPaths.SelectMany(p => SigmaRuleLoader.LoadPath(p, options?.RuleCacheDirectory)).Select(d => d.Rule is { Kind: not SigmaRuleKind.Filter }
            ? d with { Rule = null, Error = new SigmaError(Reasons.Filter, "only filter documents are read from a filter folder") }
            : d);
        return Compile(SigmaRuleLoader.LoadPath(path, options?.RuleCacheDirectory).Concat(filters), options);
    }

    /// <summary>
    /// Compiles rule documents: filters first (they attach to the rules they name), then detection rules, then
    /// correlations over them. Every document gets a verdict, in load order.
    /// </summary>
    public static SigmaRuleSet Compile(IEnumerable<SigmaLoadResult> documents, SigmaCompileOptions? options = null)
    {
        options ??= SigmaCompileOptions.Default;
        var table = new FieldTable();
        var loaded = documents.ToList();
        var verdicts = new SigmaRuleVerdict?[loaded.Count];
        var filters = new List<CompiledFilter>();
        for (var i = 0; i < loaded.Count; i++)
        {
            if (loaded[i].Rule is not { Kind: SigmaRuleKind.Filter } rule)
                continue;
            try
            {
                filters.Add(FilterCompiler.Compile(rule, options, table));
            }
            catch (SigmaException e)
            {
                verdicts[i] = new SigmaRuleVerdict(rule.Location, rule.Id, rule.Title, SigmaVerdictStatus.Rejected, e.ToError(), []);
            }
        }

        var rules = new List<CompiledRule>();
        var detections = new List<(SigmaRule, CompiledRule?, SigmaRuleVerdict)>();
        for (var i = 0; i < loaded.Count; i++)
        {
            var document = loaded[i];
            if (document.Rule is not { } rule)
            {
                verdicts[i] = new SigmaRuleVerdict(document.Location, null, null, SigmaVerdictStatus.Rejected, document.Error, []);
                continue;
            }

            if (rule.Kind != SigmaRuleKind.Detection)
                continue;
            var (compiled, verdict) = RuleCompiler.Compile(rule, options, table, filters);
            verdicts[i] = verdict;
            detections.Add((rule, compiled, verdict));
            if (compiled is not null)
                rules.Add(compiled);
        }

        var correlationRules = loaded.Select(d => d.Rule).OfType<SigmaRule>().Where(r => r.Kind == SigmaRuleKind.Correlation);
        var (correlations, correlationVerdicts) = CorrelationCompiler.CompileAll(correlationRules, detections, filters.Select(f => f.Rule));
        var filterVerdicts = new Dictionary<SigmaRule, SigmaRuleVerdict>(ReferenceEqualityComparer.Instance);
        foreach (var filter in filters)
            filterVerdicts[filter.Rule] = FilterVerdict(filter);
        for (var i = 0; i < loaded.Count; i++)
        {
            if (verdicts[i] is null && loaded[i].Rule is { } rule)
                verdicts[i] = rule.Kind == SigmaRuleKind.Correlation ? correlationVerdicts[rule] : filterVerdicts[rule];
        }

        return new SigmaRuleSet(table, rules, [.. verdicts.Select(v => v!)], correlations);
    }

    /// <summary>
    /// Whether a rule's own detections are reported: false for rules that only feed correlations with
    /// <c>generate: false</c> (the default), true for every other rule.
    /// </summary>
    public bool IsReportedAlone(SigmaRule rule) => !_suppressed.Contains(rule);

    /// <summary>A correlation stage for one hunt over this rule set; null when the set has no correlation.</summary>
    public SigmaCorrelator? CreateCorrelator(int maxBufferedHits = SigmaCorrelator.DefaultMaxBufferedHits) =>
        Correlations.Count == 0 ? null : new SigmaCorrelator(Correlations, IsReportedAlone, maxBufferedHits);

    private static SigmaRuleVerdict FilterVerdict(CompiledFilter filter)
    {
        var rule = filter.Rule;
        var notes = new List<string>();
        if (filter.RuleReferences is { } references)
        {
            foreach (var missing in references.Where(r => !filter.Found.Contains(r)).Order(StringComparer.Ordinal))
                notes.Add($"rule '{missing}' is not among the compiled rules");
        }

        notes.AddRange(filter.Notes);
        if (filter.Applied.Count == 0)
        {
            return new SigmaRuleVerdict(rule.Location, rule.Id, rule.Title, SigmaVerdictStatus.Skipped,
                new SigmaError(Reasons.FilterReference, notes.Count > 0 ? string.Join("; ", notes) : $"no compiled rule with logsource {rule.Logsource}"), notes);
        }

        notes.Insert(0, filter.Applied.Count <= 10
            ? "applied to " + string.Join(", ", filter.Applied)
            : $"applied to {filter.Applied.Count} rules: {string.Join(", ", filter.Applied.Take(10))}, …");
        return new SigmaRuleVerdict(rule.Location, rule.Id, rule.Title, SigmaVerdictStatus.Compiled, null, notes);
    }

    public SigmaEvaluationContext CreateContext()
    {
        _fieldNames = _fields.Snapshot();
        return new SigmaEvaluationContext(_fieldNames, _entries.Length + Rules.Count, _needles);
    }

    /// <summary>The literal-needle prefilter's size: distinct needles, field scanners, and rule targets always evaluated (no needle derivable).</summary>
    public (int Needles, int Scanners, int Unfiltered, int Targets) NeedleStatistics =>
        (_needles.Needles, _needles.Automata.Length, _needles.Unfiltered, _entries.Length);

    /// <summary>Adds one detection per rule that matches <paramref name="evidence"/> to <paramref name="detections"/>.</summary>
    /// <param name="prefilter">How rule targets that cannot match are skipped; every setting finds the same detections.</param>
    public void Evaluate(EvidenceEvent evidence, SigmaEvaluationContext context, ICollection<SigmaDetection> detections, SigmaPrefilter prefilter = SigmaPrefilter.Needles)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(detections);
        context.Reset(evidence);
        if (prefilter == SigmaPrefilter.None)
        {
            for (var i = 0; i < _entries.Length; i++)
                Try(i, evidence, context, detections);
            return;
        }

        var byChannel = evidence.Channel is { } channel ? _byChannel.GetValueOrDefault(channel) : null;
        var byProvider = evidence.Provider is { } provider ? _byProvider.GetValueOrDefault(provider) : null;
        var byKind = _byKind.GetValueOrDefault(evidence.Kind);
        if (prefilter == SigmaPrefilter.Logsource)
        {
            Visit(byChannel, evidence, context, detections);
            Visit(byProvider, evidence, context, detections);
            Visit(byKind, evidence, context, detections);
            Visit(_everything, evidence, context, detections);
            return;
        }

        // Needles: the targets without a needle, plus those a scan of the listed fields vouched for, in filing order.
        Gather(byChannel, evidence, context);
        Gather(byProvider, evidence, context);
        Gather(byKind, evidence, context);
        Gather(_everything, evidence, context);
        var candidates = context.Candidates();
        if (candidates.Length > 1)
            candidates.Sort();
        foreach (var entry in candidates)
        {
            var (rule, ruleIndex, target) = _entries[entry];
            if (target.Target.Accepts(evidence) && target.Matches(context) && context.FirstVisit(_entries.Length + ruleIndex))
                detections.Add(Detection(rule, target, evidence));
        }
    }

    private static void Gather(Bucket? bucket, EvidenceEvent evidence, SigmaEvaluationContext context)
    {
        if (bucket is null)
            return;
        if (evidence.EventId is { } id && bucket.ListById.TryGetValue(id, out var byId))
            context.Gather(byId);
        context.Gather(bucket.ListAnyId!);
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

    private void Visit(Bucket? bucket, EvidenceEvent evidence, SigmaEvaluationContext context, ICollection<SigmaDetection> detections)
    {
        if (bucket is null)
            return;
        if (evidence.EventId is { } id && bucket.ListById.TryGetValue(id, out var byId))
        {
            foreach (var entry in byId.Entries)
                Try(entry, evidence, context, detections);
        }

        foreach (var entry in bucket.ListAnyId!.Entries)
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
        detections.Add(Detection(rule, target, evidence));
    }

    /// <summary>The detection of a rule target that matched an event, with the fields the rule read as the event names them.</summary>
    internal static SigmaDetection Detection(CompiledRule rule, CompiledTarget target, EvidenceEvent evidence)
    {
        var matched = new List<KeyValuePair<string, string>>(target.Fields.Count);
        foreach (var (_, eventField) in target.Fields)
        {
            if (evidence.Fields.Get(eventField) is { } value)
                matched.Add(new KeyValuePair<string, string>(eventField, value));
        }

        return new SigmaDetection(rule.Rule, target.Target.Name, evidence, target.Translations, matched);
    }

    /// <summary>Whether one rule target matches an event, evaluated in memory (how the SQL path decides what SQL could not).</summary>
    internal static bool Matches(CompiledTarget target, EvidenceEvent evidence, SigmaEvaluationContext context)
    {
        context.Reset(evidence);
        return target.Target.Accepts(evidence) && target.Matches(context);
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
