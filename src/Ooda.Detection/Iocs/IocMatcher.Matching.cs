using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Ooda.Core;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Iocs;

/// <summary>Matching one value by its field's roles; everything here runs per event and allocates only for hits.</summary>
public sealed partial class IocMatcher
{
    private const int StackChars = 1024;
    private const int SeenSlots = 64;

    private static readonly IdnMapping _idn = new();

    private static readonly SearchValues<char> _tokenCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_:");

    private void MatchValue(FieldPlan plan, string value, ref MatchContext context)
    {
        var text = value.AsSpan();
        if (text.Length > _options.MaxValueLength)
            text = text[.._options.MaxValueLength];
        var roles = plan.Roles;
        var kinds = plan.Kinds;
        var name = plan.Name;
        if ((roles & IocFieldRole.Ip) != 0 && (kinds & KindMask.Addresses) != 0)
            MatchAddressText(name, text, ref context);
        if ((roles & IocFieldRole.Hash) != 0 && (kinds & KindMask.Hashes) != 0)
            MatchHashList(name, text, ref context);
        if ((roles & IocFieldRole.Host) != 0)
            MatchHost(name, text, kinds, ref context);
        if ((roles & IocFieldRole.Path) != 0)
        {
            if ((kinds & KindMask.FileName) != 0)
                MatchFileName(name, text, ref context);
            if (plan.PathScan != 0)
            {
                Scan(name, text, CharFold.SlashToBackslash, plan.PathScan, ref context);
                RunUnfiltered(_unfilteredPaths, name, text, plan.PathScan, ref context);
            }
        }

        if (plan.AgentScan != 0)
            Scan(name, text, CharFold.PlusToSpace, plan.AgentScan, ref context);
        if (plan.PlainScan != 0)
        {
            Scan(name, text, CharFold.None, plan.PlainScan, ref context);
            if ((roles & IocFieldRole.CommandLine) != 0)
                RunUnfiltered(_unfilteredCommandLines, name, text, plan.PlainScan, ref context);
        }

        if ((roles & IocFieldRole.Url) != 0 && (kinds & (KindMask.Domain | KindMask.Addresses)) != 0)
            MatchUrlHost(name, text, kinds, ref context);
        if ((roles & (IocFieldRole.CommandLine | IocFieldRole.Text)) != 0 && (kinds & KindMask.Tokens) != 0)
            MatchTokens(name, text, kinds, ref context);
    }

    /// <summary>
    /// A URL split over fields, joined as <c>://host/path?query</c> in a stack buffer and searched for URL indicators that
    /// need the parts together (one already found in a single part is not reported again).
    /// </summary>
    private void MatchUrlParts(IocUrlField url, FieldPlan plan, EventFields fields, string path, ref MatchContext context)
    {
        var scan = plan.PlainScan & KindMask.Of(IocKind.Url);
        if (scan == 0 || _automaton is null)
            return;
        var host = url.Host is null ? null : Present(fields.Get(url.Host));
        var query = url.Query is null ? null : Present(fields.Get(url.Query));
        var length = (host is null ? 0 : 3 + host.Length) + path.Length + (query is null ? 0 : 1 + query.Length);
        length = Math.Min(length, _options.MaxValueLength);
        char[]? rented = null;
        var buffer = length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var at = 0;
            if (host is not null)
                Append(buffer, ref at, "://", host);
            Append(buffer, ref at, string.Empty, path);
            if (query is not null)
                Append(buffer, ref at, "?", query);
            var before = context.Hits.Count;
            Scan(plan.Name, buffer[..at], CharFold.None, scan, ref context);
            DropRepeats(before, ref context);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }

        static string? Present(string? value) => string.IsNullOrEmpty(value) || value == "-" ? null : value;

        static void Append(Span<char> buffer, ref int at, string separator, string part)
        {
            var room = buffer.Length - at;
            var sep = separator.AsSpan(0, Math.Min(separator.Length, room));
            sep.CopyTo(buffer[at..]);
            at += sep.Length;
            var take = part.AsSpan(0, Math.Min(part.Length, buffer.Length - at));
            take.CopyTo(buffer[at..]);
            at += take.Length;
        }
    }

    /// <summary>Removes hits from <paramref name="from"/> on whose indicator an earlier field of the event already hit.</summary>
    private static void DropRepeats(int from, ref MatchContext context)
    {
        var hits = context.Hits;
        for (var h = hits.Count - 1; h >= from; h--)
        {
            for (var earlier = context.Start; earlier < from; earlier++)
            {
                if (ReferenceEquals(hits[earlier].Ioc, hits[h].Ioc))
                {
                    hits.RemoveAt(h);
                    context.Full = false;
                    break;
                }
            }
        }
    }

    private void MatchHash(string field, string hash, ref MatchContext context)
    {
        if (_hashes.TryGetValue(hash, out var ioc))
            AddHit(ioc, field, hash, 0, hash.Length, ref context);
    }

    private void MatchAddressText(string field, ReadOnlySpan<char> text, ref MatchContext context)
    {
        if (TryReadAddress(text, out var address, out var isV4, out var bare))
            MatchAddress(field, address, isV4, bare, ref context);
    }

    /// <summary>One address, tolerating blanks and a port (<c>1.2.3.4:443</c>, <c>[::1]:443</c>).</summary>
    private static bool TryReadAddress(ReadOnlySpan<char> text, out UInt128 address, out bool isV4, out ReadOnlySpan<char> bare)
    {
        text = text.Trim();
        if (text.Length > 0 && text[0] == '[')
        {
            var close = text.IndexOf(']');
            text = close < 0 ? default : text[1..close];
        }
        else if (text.IndexOf(':') is var colon && colon > 0 && text.LastIndexOf(':') == colon)
        {
            text = text[..colon];
        }

        bare = text;
        return IpAddressText.TryParse(text, out address, out isV4);
    }

    private void MatchAddress(string field, UInt128 address, bool isV4, ReadOnlySpan<char> text, ref MatchContext context)
    {
        if (_addresses.TryGetValue(address, out var ioc))
            AddHit(ioc, field, text, 0, text.Length, ref context);
        var networks = isV4 ? _v4Networks : _v6Networks;
        if (networks.Count == 0)
            return;
        Span<int> found = stackalloc int[CidrTable.MaxDepth];
        var count = networks.Find(address, found);
        for (var i = 0; i < count; i++)
            AddHit(found[i], field, text, 0, text.Length, ref context);
    }

    /// <summary>A Sysmon hash list (<c>SHA1=…,MD5=…,SHA256=…,IMPHASH=…</c>) or a bare hash.</summary>
    private void MatchHashList(string field, ReadOnlySpan<char> text, ref MatchContext context)
    {
        while (text.Length > 0)
        {
            var end = text.IndexOfAny(',', ';', ' ');
            var part = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            var separator = part.IndexOfAny('=', ':');
            if (separator >= 0)
            {
                // An import hash is MD5-sized but hashes the import table, not the file.
                if (part[..separator].Trim().Equals("IMPHASH", StringComparison.OrdinalIgnoreCase))
                    continue;
                part = part[(separator + 1)..];
            }

            part = part.Trim();
            if (part.Length is 32 or 40 or 64 && _hashes.TryGetValue(part, out var ioc))
                AddHit(ioc, field, part, 0, part.Length, ref context);
        }
    }

    /// <summary>A host name: an address, or a domain tested with each of its parent domains.</summary>
    private void MatchHost(string field, ReadOnlySpan<char> host, int kinds, ref MatchContext context)
    {
        if (TryReadAddress(host, out var address, out var isV4, out var bare))
        {
            if ((kinds & KindMask.Addresses) != 0)
                MatchAddress(field, address, isV4, bare, ref context);
            return;
        }

        host = host.Trim();
        var colon = host.IndexOf(':');
        if (colon >= 0)
            host = host[..colon];
        if ((kinds & KindMask.Domain) != 0)
            MatchDomain(field, host.TrimEnd('.'), ref context);
    }

    private void MatchDomain(string field, ReadOnlySpan<char> host, ref MatchContext context)
    {
        if (host.Length is 0 or > 253)
            return;
        if (!System.Text.Ascii.IsValid(host))
        {
            try
            {
                host = _idn.GetAscii(host.ToString());
            }
            catch (ArgumentException)
            {
                return;
            }
        }

        var hitText = host;
        var rest = host;
        while (true)
        {
            if (_domains.TryGetValue(rest, out var ioc))
                AddHit(ioc, field, hitText, 0, hitText.Length, ref context);
            var dot = rest.IndexOf('.');
            if (dot < 0)
                return;
            rest = rest[(dot + 1)..];

            // A bare top-level label is never an indicator.
            if (rest.IndexOf('.') < 0)
                return;
        }
    }

    /// <summary>The host of a URL (<c>scheme://user@host:port/…</c>), tested as a host.</summary>
    private void MatchUrlHost(string field, ReadOnlySpan<char> url, int kinds, ref MatchContext context)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
            return;
        var host = url[(scheme + 3)..];
        var end = host.IndexOfAny('/', '?', '#');
        if (end >= 0)
            host = host[..end];
        var at = host.LastIndexOf('@');
        if (at >= 0)
            host = host[(at + 1)..];
        MatchHost(field, host, kinds, ref context);
    }

    private void MatchFileName(string field, ReadOnlySpan<char> path, ref MatchContext context)
    {
        var name = path[(path.LastIndexOfAny('\\', '/') + 1)..].TrimEnd();
        if (name.Length > 0 && _fileNames.TryGetValue(name, out var ioc))
            AddHit(ioc, field, path, path.Length - name.Length, path.Length, ref context);
    }

    /// <summary>
    /// Mines free text for tokens shaped like addresses, domains and hashes: runs of letters, digits and <c>.-_:</c>,
    /// tried whole as IPv6 and otherwise split at colons.
    /// </summary>
    private void MatchTokens(string field, ReadOnlySpan<char> text, int kinds, ref MatchContext context)
    {
        while (text.Length > 0 && !context.Full)
        {
            var start = text.IndexOfAny(_tokenCharacters);
            if (start < 0)
                return;
            text = text[start..];
            var end = text.IndexOfAnyExcept(_tokenCharacters);
            var token = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[end..];
            var colons = token.Count(':');
            if (colons == 0)
            {
                MatchToken(field, token, kinds, ref context);
                continue;
            }

            if (colons >= 2 && (kinds & KindMask.Addresses) != 0 && IpAddressText.TryParseV6(token.TrimEnd('.'), out var v6))
            {
                MatchAddress(field, v6, IpAddressText.IsMapped(v6), token, ref context);
                continue;
            }

            foreach (var range in token.Split(':'))
                MatchToken(field, token[range], kinds, ref context);
        }
    }

    private void MatchToken(string field, ReadOnlySpan<char> token, int kinds, ref MatchContext context)
    {
        token = token.Trim(".-_");
        if (token.Length < 4)
            return;
        if (token.Length is 32 or 40 or 64 && (kinds & KindMask.Hashes) != 0)
        {
            if (_hashes.TryGetValue(token, out var hash))
                AddHit(hash, field, token, 0, token.Length, ref context);
            return;
        }

        var dot = token.IndexOf('.');
        if (dot < 0)
            return;
        if (IsDigit(token[0]) && IpAddressText.TryParseV4(token, out var v4))
        {
            if ((kinds & KindMask.Addresses) != 0)
                MatchAddress(field, IpAddressText.Mapped(v4), true, token, ref context);
            return;
        }

        if ((kinds & KindMask.Hashes) != 0)
        {
            // A hash-named file (d41d8cd9….exe).
            foreach (var range in token.Split('.'))
            {
                var part = token[range];
                if (part.Length is 32 or 40 or 64 && _hashes.TryGetValue(part, out var hash))
                    AddHit(hash, field, part, 0, part.Length, ref context);
            }
        }

        if ((kinds & KindMask.Domain) != 0)
            MatchDomain(field, token, ref context);
    }

    /// <summary>One pass of the automaton; each needle found is resolved to its indicators once per value.</summary>
    private void Scan(string field, ReadOnlySpan<char> text, CharFold fold, int kinds, ref MatchContext context)
    {
        if (_automaton is null || (kinds & _needleKinds) == 0)
            return;
        Span<int> seen = stackalloc int[SeenSlots];
        seen.Fill(-1);
        var seenCount = 0;
        foreach (var match in _automaton.Find(text, fold))
        {
            if (!FirstSighting(seen, ref seenCount, match.Pattern))
                continue;
            for (var t = _targetStart[match.Pattern]; t < _targetStart[match.Pattern + 1]; t++)
            {
                var ioc = _targets[t];
                var kind = (IocKind)_kinds[ioc];
                if (!KindMask.Has(kinds, kind))
                    continue;
                switch (kind)
                {
                    case IocKind.FilePath:
                        if (!AlreadyHit(ioc, field, ref context) && _globs[ioc]!.IsMatch(text))
                            AddHit(ioc, field, text, 0, text.Length, ref context);
                        break;
                    case IocKind.FilePathRegex or IocKind.CommandLineRegex:
                        RunRegex(ioc, field, text, ref context);
                        break;
                    default:
                        var length = _automaton.PatternLength(match.Pattern);
                        AddHit(ioc, field, text, match.End - length, match.End, ref context);
                        break;
                }

                if (context.Full)
                    return;
            }
        }
    }

    /// <summary>True the first time a needle is seen in this value; past the table's size every sighting counts as first.</summary>
    private static bool FirstSighting(Span<int> seen, ref int count, int pattern)
    {
        if (count >= SeenSlots / 2)
            return true;
        var slot = pattern & (SeenSlots - 1);
        while (seen[slot] >= 0)
        {
            if (seen[slot] == pattern)
                return false;
            slot = (slot + 1) & (SeenSlots - 1);
        }

        seen[slot] = pattern;
        count++;
        return true;
    }

    private void RunUnfiltered(int[] iocs, string field, ReadOnlySpan<char> text, int kinds, ref MatchContext context)
    {
        foreach (var ioc in iocs)
        {
            var kind = (IocKind)_kinds[ioc];
            if (!KindMask.Has(kinds, kind) || context.Full)
                continue;
            if (kind == IocKind.FilePath)
            {
                if (_globs[ioc]!.IsMatch(text))
                    AddHit(ioc, field, text, 0, text.Length, ref context);
            }
            else
            {
                RunRegex(ioc, field, text, ref context);
            }
        }
    }

    private void RunRegex(int ioc, string field, ReadOnlySpan<char> text, ref MatchContext context)
    {
        var regex = _regexes[ioc]!;
        if (regex.Disabled || AlreadyHit(ioc, field, ref context))
            return;
        bool matched;
        try
        {
            matched = regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            var outcome = regex.TimedOut(_options.RegexTimeoutsBeforeDisable);
            ReportTimeout(ioc, field, outcome, ref context);
            if (outcome != RegexTimeoutOutcome.Retry)
                return;
            try
            {
                matched = regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return;
            }
        }

        if (matched)
            AddHit(ioc, field, text, 0, text.Length, ref context);
    }

    private void ReportTimeout(int ioc, string field, RegexTimeoutOutcome outcome, ref MatchContext context)
    {
        var report = _options.OnDiagnostic;
        if (report is null)
            return;
        var indicator = _iocs[ioc];
        var message = $"{IocKinds.Name(indicator.Kind)} from {indicator.Source} timed out after {_options.RegexTimeout.TotalMilliseconds:0} ms on field {field}; " + outcome switch
        {
            RegexTimeoutOutcome.Retry => "moved to the linear-time regex engine",
            RegexTimeoutOutcome.Disabled => $"switched off after {_options.RegexTimeoutsBeforeDisable} timeouts",
            _ => "value skipped",
        };
        var where = context.Event?.Provenance;
        report(where is { } p
            ? new Diagnostic(p.File, p.Line > 0 ? p.Line.ToString(CultureInfo.InvariantCulture) : p.Offset >= 0 ? $"@0x{p.Offset:x}" : string.Empty, message, DiagnosticSeverity.Warning)
            : new Diagnostic(indicator.Source.File, indicator.Source.Location, message, DiagnosticSeverity.Warning));
    }

    private bool AlreadyHit(int ioc, string field, ref MatchContext context)
    {
        var indicator = _iocs[ioc];
        var hits = context.Hits;
        for (var h = context.Start; h < hits.Count; h++)
        {
            if (ReferenceEquals(hits[h].Ioc, indicator) && string.Equals(hits[h].Field, field, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    private void AddHit(int ioc, string field, ReadOnlySpan<char> text, int matchStart, int matchEnd, ref MatchContext context)
    {
        if (context.Full)
            return;
        var indicator = _iocs[ioc];
        if (_options.RespectValidity && context.Event is { } e && e.Timestamp != DateTime.MinValue
            && (indicator.ValidFrom > e.Timestamp || indicator.ValidUntil < e.Timestamp))
            return;
        if (AlreadyHit(ioc, field, ref context))
            return;
        context.Hits.Add(new IocHit(indicator, field, Clip(text, matchStart, matchEnd, _options.MaxHitText)));
        if (context.Hits.Count - context.Start >= _options.MaxHitsPerEvent)
            context.Full = true;
    }

    /// <summary>The matched text with as much context either side as fits in <paramref name="max"/> characters.</summary>
    private static string Clip(ReadOnlySpan<char> text, int start, int end, int max)
    {
        if (text.Length <= max)
            return text.ToString();
        if (end - start >= max)
            return text.Slice(start, max).ToString();
        var from = Math.Max(0, start - ((max - (end - start)) / 2));
        var to = Math.Min(text.Length, from + max);
        from = Math.Max(0, to - max);
        return text[from..to].ToString();
    }

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

}
