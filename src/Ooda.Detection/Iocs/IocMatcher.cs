using System.Collections.Frozen;
using Ooda.Core;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Iocs;

/// <summary>
/// An <see cref="IocSet"/> compiled for matching: each event is read once, field by field, whatever the number of
/// indicators — hashes, addresses, domains and file names by table lookup, networks by range search, substrings (and the
/// literals that prefilter globs and regexes) by one Aho-Corasick pass per field. Thread-safe; matching an event that
/// hits nothing allocates nothing.
/// </summary>
public sealed partial class IocMatcher
{
    private const int MinNeedleLength = 3;

    private readonly IocMatcherOptions _options;
    private readonly Ioc[] _iocs;
    private readonly byte[] _kinds;
    private readonly FieldPlan[] _fields;
    private readonly FrozenDictionary<string, FieldPlan> _fieldsByName;
    private readonly (IocUrlField Url, FieldPlan Plan)[] _urls;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _hashes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _domains;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _fileNames;
    private readonly Dictionary<UInt128, int> _addresses;
    private readonly CidrTable _v4Networks;
    private readonly CidrTable _v6Networks;
    private readonly AhoCorasick? _automaton;
    private readonly int[] _targetStart;
    private readonly int[] _targets;
    private readonly GlobPattern?[] _globs;
    private readonly CompiledRegex?[] _regexes;
    private readonly int[] _unfilteredPaths;
    private readonly int[] _unfilteredCommandLines;
    private readonly int _kindsPresent;
    private readonly int _needleKinds;

    private IocMatcher(IocSet set, IocMatcherOptions options)
    {
        _options = options;
        Set = set;
        _iocs = [.. set];
        _kinds = new byte[_iocs.Length];
        _globs = new GlobPattern?[_iocs.Length];
        _regexes = new CompiledRegex?[_iocs.Length];
        var hashes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var domains = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var fileNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        _addresses = [];
        var v4Networks = new List<(UInt128, UInt128, int)>();
        var v6Networks = new List<(UInt128, UInt128, int)>();
        var needles = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unfilteredPaths = new List<int>();
        var unfilteredCommandLines = new List<int>();
        var backtracking = 0;

        for (var i = 0; i < _iocs.Length; i++)
        {
            var ioc = _iocs[i];
            _kinds[i] = (byte)ioc.Kind;
            _kindsPresent |= KindMask.Of(ioc.Kind);
            switch (ioc.Kind)
            {
                case IocKind.Md5 or IocKind.Sha1 or IocKind.Sha256:
                    hashes.TryAdd(ioc.Value, i);
                    break;
                case IocKind.Ip:
                    if (IpAddressText.TryParse(ioc.Value, out var address, out _))
                        _addresses.TryAdd(address, i);
                    break;
                case IocKind.Cidr:
                    AddNetwork(ioc.Value, i, v4Networks, v6Networks);
                    break;
                case IocKind.Domain:
                    domains.TryAdd(ioc.Value, i);
                    break;
                case IocKind.FileName:
                    fileNames.TryAdd(ioc.Value, i);
                    break;
                case IocKind.Url:
                    AddNeedle(needles, UrlNeedle(ioc.Value), i);
                    break;
                case IocKind.UserAgent:
                    AddNeedle(needles, CharFolding.Fold(ioc.Value, CharFold.PlusToSpace), i);
                    break;
                case IocKind.CommandLine or IocKind.Keyword:
                    AddNeedle(needles, CharFolding.Fold(ioc.Value, CharFold.None), i);
                    break;
                case IocKind.FilePath:
                    var glob = GlobPattern.Parse(ioc.Value);
                    _globs[i] = glob;
                    if (glob.RequiredLiteral is { Length: >= MinNeedleLength } globLiteral)
                        AddNeedle(needles, globLiteral, i);
                    else
                        unfilteredPaths.Add(i);
                    break;
                case IocKind.FilePathRegex or IocKind.CommandLineRegex:
                    var regex = new CompiledRegex(ioc.Value, ioc.Exclude, options.RegexTimeout);
                    _regexes[i] = regex;
                    backtracking += regex.Backtracking ? 1 : 0;
                    var isPath = ioc.Kind == IocKind.FilePathRegex;
                    if (RegexLiteral.Required(ioc.Value, isPath ? CharFold.SlashToBackslash : CharFold.None) is { Length: >= MinNeedleLength } literal)
                        AddNeedle(needles, literal, i);
                    else
                        (isPath ? unfilteredPaths : unfilteredCommandLines).Add(i);
                    break;
            }
        }

        _hashes = hashes.GetAlternateLookup<ReadOnlySpan<char>>();
        _domains = domains.GetAlternateLookup<ReadOnlySpan<char>>();
        _fileNames = fileNames.GetAlternateLookup<ReadOnlySpan<char>>();
        _v4Networks = v4Networks.Count == 0 ? CidrTable.Empty : CidrTable.Build(v4Networks);
        _v6Networks = v6Networks.Count == 0 ? CidrTable.Empty : CidrTable.Build(v6Networks);
        _unfilteredPaths = [.. unfilteredPaths];
        _unfilteredCommandLines = [.. unfilteredCommandLines];

        // Needles and, per needle, the indicators it stands for (compressed rows).
        var needleList = needles.Keys.ToArray();
        _targetStart = new int[needleList.Length + 1];
        var targets = new List<int>();
        var needleKinds = 0;
        for (var n = 0; n < needleList.Length; n++)
        {
            _targetStart[n] = targets.Count;
            foreach (var target in needles[needleList[n]])
            {
                targets.Add(target);
                needleKinds |= KindMask.Of(_iocs[target].Kind);
            }
        }

        _targetStart[needleList.Length] = targets.Count;
        _targets = [.. targets];
        _automaton = needleList.Length == 0 ? null : AhoCorasick.Build(needleList);

        _needleKinds = needleKinds;
        _fields = [.. options.Fields.Fields.DistinctBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(f => Plan(f.Name, f.Roles)).Where(p => p.Kinds != 0)];
        _fieldsByName = _fields.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        _urls = [.. options.Fields.Urls.Select(u => (u, Plan(u.Name, IocFieldRole.Url))).Where(p => p.Item2.Kinds != 0)];
        Statistics = new IocMatcherStatistics(_iocs.Length, needleList.Length, _automaton?.StateCount ?? 0, _unfilteredPaths.Length + _unfilteredCommandLines.Length, backtracking);
    }

    /// <summary>The indicators this matcher was compiled from.</summary>
    public IocSet Set { get; }

    public IocMatcherStatistics Statistics { get; }

    /// <summary>Compiles a set once; reuse the matcher for every event and file of a hunt.</summary>
    public static IocMatcher Compile(IocSet set, IocMatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new IocMatcher(set, options ?? IocMatcherOptions.Default);
    }

    /// <summary>Adds to <paramref name="hits"/> every indicator found in the event's mapped fields (one hit per indicator and field).</summary>
    public void Match(EvidenceEvent e, List<IocHit> hits)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(hits);
        var context = new MatchContext(hits, hits.Count, e);
        var fields = e.Fields;
        if (fields.Count < _fields.Length && fields.Keys is Dictionary<string, string>.KeyCollection names && fields.Values is Dictionary<string, string>.ValueCollection values)
        {
            // Fewer fields than mapped names: walk the event's fields (keys and values enumerate in the same order).
            var name = names.GetEnumerator();
            var value = values.GetEnumerator();
            while (name.MoveNext() && value.MoveNext())
            {
                if (value.Current.Length > 0 && _fieldsByName.TryGetValue(name.Current, out var plan))
                    MatchValue(plan, value.Current, ref context);
            }
        }
        else
        {
            foreach (var plan in _fields)
            {
                if (fields.TryGetValue(plan.Name, out var value) && value.Length > 0)
                    MatchValue(plan, value, ref context);
            }
        }

        foreach (var (url, plan) in _urls)
        {
            if (fields.TryGetValue(url.Path, out var path) && path.Length > 0)
                MatchUrlParts(url, plan, fields, path, ref context);
        }
    }

    /// <summary>Tests one value as if it were a field with the given roles (for callers with their own fields).</summary>
    public void MatchValue(string field, IocFieldRole roles, string value, List<IocHit> hits)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(hits);
        var plan = Plan(field, roles);
        var context = new MatchContext(hits, hits.Count, null);
        if (plan.Kinds != 0 && value.Length > 0)
            MatchValue(plan, value, ref context);
    }

    /// <summary>
    /// Adds every indicator matching a captured file: its name and original path (names, globs, path regexes), the
    /// SHA-256 of the record, and MD5/SHA-1 computed from <paramref name="content"/> when the set holds any.
    /// </summary>
    public void MatchFile(CapturedFile file, Stream content, List<IocHit> hits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(hits);
        var context = new MatchContext(hits, hits.Count, null);
        var pathKinds = _kindsPresent & (KindMask.FileName | KindMask.PathNeedles);
        if (pathKinds != 0 && file.OriginalPath.Length > 0)
            MatchValue(Plan("OriginalPath", IocFieldRole.Path), file.OriginalPath, ref context);

        var wantSha256 = KindMask.Has(_kindsPresent, IocKind.Sha256);
        var haveSha256 = file.Sha256.Length == 64;
        if (wantSha256 && haveSha256)
            MatchHash("Sha256", file.Sha256, ref context);
        var wantMd5 = KindMask.Has(_kindsPresent, IocKind.Md5);
        var wantSha1 = KindMask.Has(_kindsPresent, IocKind.Sha1);
        if (!wantMd5 && !wantSha1 && (haveSha256 || !wantSha256))
            return;

        var digests = FileDigests.Compute(content, wantMd5, wantSha1, wantSha256 && !haveSha256);
        if (digests.Md5 is not null)
            MatchHash("Md5", digests.Md5, ref context);
        if (digests.Sha1 is not null)
            MatchHash("Sha1", digests.Sha1, ref context);
        if (digests.Sha256 is not null)
            MatchHash("Sha256", digests.Sha256, ref context);
    }

    private FieldPlan Plan(string name, IocFieldRole roles)
    {
        var kinds = KindMask.ForRoles(roles) & _kindsPresent;
        return new FieldPlan(
            name,
            roles,
            kinds,
            roles.HasFlag(IocFieldRole.Path) ? kinds & KindMask.PathNeedles : 0,
            roles.HasFlag(IocFieldRole.UserAgent) ? kinds & KindMask.AgentNeedles : 0,
            (roles & (IocFieldRole.CommandLine | IocFieldRole.Text | IocFieldRole.Url)) != 0 ? kinds & KindMask.PlainNeedles : 0);
    }

    private static void AddNeedle(Dictionary<string, List<int>> needles, string needle, int ioc)
    {
        if (!needles.TryGetValue(needle, out var list))
            needles.Add(needle, list = []);
        list.Add(ioc);
    }

    /// <summary>A URL's needle: from <c>://</c> on, so any scheme matches but <c>notevil.com</c> does not match <c>evil.com</c>.</summary>
    private static string UrlNeedle(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return CharFolding.Fold(scheme > 0 ? url.AsSpan(scheme) : url, CharFold.None);
    }

    private static void AddNetwork(string cidr, int ioc, List<(UInt128, UInt128, int)> v4, List<(UInt128, UInt128, int)> v6)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IpAddressText.TryParse(cidr.AsSpan(0, slash), out var address, out var isV4)
            || !int.TryParse(cidr.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
            return;
        var (first, last) = IocNormalizer.Range(address, isV4, prefix);
        (isV4 ? v4 : v6).Add((first, last, ioc));
    }
}
