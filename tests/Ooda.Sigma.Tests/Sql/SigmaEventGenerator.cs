using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ooda.Core;
using Ooda.Sigma.Internal;

namespace Ooda.Sigma.Tests.Sql;

/// <summary>
/// Generates events (seeded) that many rules of a rule set fire on, and many nearly do: each event takes a random rule
/// target's channel, provider and event id, and for the fields the rule reads, values made from the rule's own needles —
/// mutated by case changes, prefixes and suffixes, dropped or changed characters, non-ASCII characters and newlines — or
/// needles of other rules, or noise. Field names are sometimes spelled in another case, as stores may hold them.
/// </summary>
internal sealed class SigmaEventGenerator
{
    private static readonly string[] _noise =
    [
        "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\explorer.exe", "-k netsvcs -p", "NT AUTHORITY\\SYSTEM", "10.0.0.5",
        "powershell.exe -NoProfile", "HKLM\\SOFTWARE\\Microsoft", "0x1f", "4444", "user@corp.example", "-", "", "C:\\Users\\Public\\a.txt",
    ];

    private static readonly string[] _spice = ["\u00e9", "\u0130", "\u212A", "\U0001F600", "\n", "\u00df", "\t", "%", "_", "'", "\\", "\u0000"];

    private readonly Random _random;
    private readonly List<Template> _templates = [];
    private readonly List<string> _allNeedles = [];

    private sealed record Template(LogsourceTarget Target, Dictionary<string, List<Func<string>>> Values, List<Func<string>> Keywords, List<(string Field, string Other)> FieldRefs);

    public SigmaEventGenerator(SigmaRuleSet rules, int seed)
    {
        _random = new Random(seed);
        foreach (var rule in rules.Rules)
        {
            foreach (var target in rule.Targets)
            {
                var template = new Template(target.Target, new Dictionary<string, List<Func<string>>>(StringComparer.OrdinalIgnoreCase), [], []);
                foreach (var node in new[] { target.SourceCondition, target.Detection, target.Exclusion })
                {
                    if (node is not null)
                        Harvest(node, template);
                }

                _templates.Add(template);
            }
        }
    }

    /// <summary>Generates <paramref name="count"/> events over a few tenants, hosts and files, each with a distinct provenance.</summary>
    public IEnumerable<EvidenceEvent> Generate(int count)
    {
        var start = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var template = _templates[_random.Next(_templates.Count)];
            var target = template.Target;
            var fields = new EventFields();
            foreach (var (field, generators) in template.Values)
            {
                var roll = _random.NextDouble();
                if (roll < 0.1)
                    continue; // absent
                var value = roll < 0.75 ? generators[_random.Next(generators.Count)]() : roll < 0.9 ? Mutate(_allNeedles[_random.Next(_allNeedles.Count)]) : _noise[_random.Next(_noise.Length)];
                fields.TryAdd(Spell(field), value);
            }

            foreach (var (field, other) in template.FieldRefs)
            {
                if (fields.Get(other) is { } copied && _random.NextDouble() < 0.7)
                    fields.Set(field, _random.NextDouble() < 0.5 ? copied : Flip(copied));
            }

            if (template.Keywords.Count > 0)
                fields.TryAdd("Message", template.Keywords[_random.Next(template.Keywords.Count)]());
            var channel = target.Channels.Count > 0 ? target.Channels.ElementAt(_random.Next(target.Channels.Count)) : null;
            var provider = target.Providers.Count > 0 && (channel is null || _random.NextDouble() < 0.8) ? target.Providers.ElementAt(_random.Next(target.Providers.Count)) : null;
            int? eventId = target.EventIds.Count > 0 ? target.EventIds.ElementAt(_random.Next(target.EventIds.Count)) : _random.Next(5) == 0 ? null : _random.Next(1, 9000);
            if (_random.NextDouble() < 0.05)
                eventId = _random.Next(1, 30); // a neighbouring event of the same channel
            var kind = target.Kinds.Count > 0 ? target.Kinds.ElementAt(_random.Next(target.Kinds.Count)) : SourceKind.WindowsEvent;
            if (channel is not null && _random.NextDouble() < 0.1)
                channel = Flip(channel); // channels compare without case
            if (eventId is { } id)
                fields.TryAdd("EventID", id.ToString(CultureInfo.InvariantCulture));
            if (channel is not null)
                fields.TryAdd("Channel", channel);
            fields.TryAdd("Computer", "WS" + _random.Next(4).ToString(CultureInfo.InvariantCulture) + ".corp.example");
            fields.TryAdd("Noise", _noise[_random.Next(_noise.Length)]);
            var file = i % 7;
            yield return new EvidenceEvent
            {
                Timestamp = _random.Next(50) == 0 ? DateTime.MinValue : start.AddSeconds(i * 3 + _random.Next(3)),
                Tenant = (file % 3) switch { 0 => "acme", 1 => "globex", _ => "Initech" },
                Host = file % 2 == 0 ? "-" : "host" + file.ToString(CultureInfo.InvariantCulture),
                Kind = kind,
                Channel = channel,
                Provider = provider,
                EventId = eventId,
                RecordId = i,
                Fields = fields,
                Provenance = new Provenance($"evidence/file{file}.jsonl", new string((char)('a' + file), 64), -1, i + 1),
            };
        }
    }

    private string Spell(string field) => _random.Next(12) switch
    {
        0 => field.ToLowerInvariant(),
        1 => field.ToUpperInvariant(),
        _ => field,
    };

    private void Harvest(Node node, Template template)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var child in and.Children)
                    Harvest(child, template);
                break;
            case OrNode or:
                foreach (var child in or.Children)
                    Harvest(child, template);
                break;
            case NotNode not:
                Harvest(not.Child, template);
                break;
            case FieldNode field:
                foreach (var matcher in field.Matchers)
                    Harvest(field.Field, matcher, template);
                break;
            case KeywordNode keywords:
                foreach (var matcher in keywords.Matchers)
                {
                    if (Values(matcher) is { } generator)
                        template.Keywords.Add(() => Mutate(generator()));
                }

                break;
        }
    }

    private void Harvest(string field, ValueMatcher matcher, Template template)
    {
        switch (matcher)
        {
            case NotMatcher not:
                Harvest(field, not.Inner, template);
                return;
            case FieldRefMatcher fieldRef:
                template.FieldRefs.Add((field, fieldRef.OtherField));
                Add(template, field, () => _noise[_random.Next(_noise.Length)]);
                return;
            case ExistsMatcher or NullMatcher:
                Add(template, field, () => _noise[_random.Next(_noise.Length)]);
                return;
        }

        if (Values(matcher) is { } values)
            Add(template, field, () => Mutate(values()));
    }

    private static void Add(Template template, string field, Func<string> generator)
    {
        if (!template.Values.TryGetValue(field, out var list))
            template.Values[field] = list = [];
        list.Add(generator);
    }

    /// <summary>A value a matcher nearly or exactly accepts, before mutation.</summary>
    private Func<string>? Values(ValueMatcher matcher)
    {
        switch (matcher)
        {
            case StringMatcher s:
                var text = s.Kind switch
                {
                    StringMatcher.Shape.Equals => s.Needle,
                    StringMatcher.Shape.Prefix => s.Needle + Word(),
                    StringMatcher.Shape.Suffix => Word() + s.Needle,
                    StringMatcher.Shape.Contains => Word() + s.Needle + Word(),
                    StringMatcher.Shape.Any => Word(),
                    _ => string.Join(Word(), s.Segments).Replace(SigmaString.Question, 'q'),
                };
                _allNeedles.Add(text);
                var cased = s.Cased;
                return () => cased || _random.Next(2) == 0 ? text : Flip(text);
            case RegexMatcher r:
                var sample = RegexSamples.Of(r.Pattern);
                _allNeedles.Add(sample);
                return () => sample;
            case CidrMatcher c:
                return () => Address(c.Network);
            case NumericMatcher n:
                return () => (n.Bound + _random.Next(-2, 3)).ToString(_random.Next(4) == 0 ? "0.0" : "R", CultureInfo.InvariantCulture);
            case TimePartMatcher:
                return () => new DateTime(2024, 1 + _random.Next(12), 1 + _random.Next(28), _random.Next(24), _random.Next(60), 0, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    private string Address(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        // Mostly inside the network, sometimes just outside, sometimes in another spelling.
        for (var i = network.PrefixLength / 8; i < bytes.Length; i++)
            bytes[i] = (byte)_random.Next(256);
        if (_random.Next(6) == 0)
            bytes[0] ^= 0x40;
        var address = new IPAddress(bytes);
        return _random.Next(8) switch
        {
            0 when address.AddressFamily == AddressFamily.InterNetwork => "::ffff:" + address,
            1 when address.AddressFamily == AddressFamily.InterNetwork => address.MapToIPv6().ToString(),
            2 => " " + address,
            _ => address.ToString(),
        };
    }

    private string Mutate(string value)
    {
        var builder = new StringBuilder(value);
        var roll = _random.NextDouble();
        if (roll < 0.1 && builder.Length > 0)
            builder.Remove(_random.Next(builder.Length), 1);
        else if (roll < 0.2 && builder.Length > 0)
            builder[_random.Next(builder.Length)] = (char)('a' + _random.Next(26));
        else if (roll < 0.3)
            builder.Insert(0, Word());
        else if (roll < 0.4)
            builder.Append(Word());
        if (_random.NextDouble() < 0.08)
            builder.Insert(_random.Next(builder.Length + 1), _spice[_random.Next(_spice.Length)]);
        return _random.NextDouble() < 0.2 ? Flip(builder.ToString()) : builder.ToString();
    }

    private string Flip(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (_random.Next(2) == 0)
                chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
        }

        return new string(chars);
    }

    private string Word() => _random.Next(4) switch
    {
        0 => string.Empty,
        1 => " ",
        2 => "C:\\Temp\\",
        _ => "x" + _random.Next(100).ToString(CultureInfo.InvariantCulture) + " ",
    };
}
