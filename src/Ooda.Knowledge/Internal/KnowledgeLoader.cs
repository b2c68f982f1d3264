using System.Globalization;
using System.Text.Json;

namespace Ooda.Knowledge.Internal;

/// <summary>Reads <c>Data/exchange-builds.json</c>; any inconsistency is a build-breaking error, not a silent gap.</summary>
internal static class KnowledgeLoader
{
    public const string ResourceName = "Ooda.Knowledge.exchange-builds.json";

    public static ExchangeKnowledgeBase LoadEmbedded()
    {
        using var stream = typeof(KnowledgeLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Load(stream);
    }

    public static ExchangeKnowledgeBase Load(Stream json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var sources = root.GetProperty("sources").EnumerateArray()
            .Select(s => s.GetProperty("id").GetString() + ": " + s.GetProperty("name").GetString()).ToList();

        var products = new List<ExchangeProductLine>();
        foreach (var p in root.GetProperty("products").EnumerateArray())
        {
            var name = Text(p, "name");
            var version = Text(p, "version").Split('.');
            var cus = new List<ExchangeCumulativeUpdate>();
            foreach (var c in p.GetProperty("cumulativeUpdates").EnumerateArray())
            {
                var cuName = Text(c, "cu");
                var baseRelease = Release(c, name, cuName, null);
                var updates = c.GetProperty("updates").EnumerateArray().Select(u => Release(u, name, cuName, Text(u, "su"))).ToList();
                foreach (var u in updates)
                {
                    if (!u.Build.SameCuLine(baseRelease.Build) || u.Build <= baseRelease.Build)
                        throw Bad($"{name} {cuName} {u.SecurityUpdate} {u.Build} is not above its CU base {baseRelease.Build}");
                }

                for (var i = 1; i < updates.Count; i++)
                {
                    if (updates[i].Build <= updates[i - 1].Build)
                        throw Bad($"{name} {cuName}: updates are not in build order at {updates[i].Build}");
                }

                cus.Add(new ExchangeCumulativeUpdate(name, cuName, baseRelease, updates));
            }

            products.Add(new ExchangeProductLine(
                name, Int(version[0]), Int(version[1]), p.GetProperty("minBuild").GetInt32(), cus));
        }

        var cves = root.GetProperty("cves").EnumerateArray().Select(c => new ExchangeCve(
            Text(c, "id"),
            Text(c, "group"),
            Text(c, "title"),
            c.GetProperty("preAuth").GetBoolean(),
            Text(c, "fixedBy"),
            c.GetProperty("products").EnumerateArray().Select(x => x.GetString()!).ToList(),
            c.GetProperty("firstFixedBuilds").EnumerateArray().Select(x => ExchangeBuild.Parse(x.GetString()!)).ToList(),
            c.TryGetProperty("note", out var note) ? note.GetString() : null)).ToList();

        var kb = new ExchangeKnowledgeBase(products, cves, sources);
        foreach (var cve in cves)
        {
            foreach (var fixedBuild in cve.FirstFixedBuilds)
            {
                var release = kb.ReleaseOf(fixedBuild);
                if (release?.SecurityUpdate != cve.FixedBy)
                    throw Bad($"{cve.Id}: first fixed build {fixedBuild} is not the {cve.FixedBy} build of its CU");
            }
        }

        return kb;
    }

    private static ExchangeRelease Release(JsonElement e, string product, string cu, string? su) => new(
        product,
        cu,
        su,
        ExchangeBuild.Parse(Text(e, "build")),
        DateOnly.ParseExact(Text(e, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetProperty("kb").GetString(),
        e.TryGetProperty("alsoKnownAs", out var aka) ? aka.EnumerateArray().Select(x => ExchangeBuild.Parse(x.GetString()!)).ToList() : [],
        Text(e, "source"),
        e.TryGetProperty("note", out var note) ? note.GetString() : null);

    private static string Text(JsonElement e, string property) =>
        e.GetProperty(property).GetString() is { Length: > 0 } s ? s : throw Bad($"'{property}' is empty");

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static InvalidDataException Bad(string message) => new($"exchange-builds.json: {message}");
}
