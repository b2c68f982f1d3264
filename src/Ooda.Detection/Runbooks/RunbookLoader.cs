using System.Globalization;
using Ooda.Detection.Runbooks.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ooda.Detection.Runbooks;

/// <summary>
/// Reads runbook YAML strictly: every problem is reported with file and line, unknown keys included, and a runbook
/// with any error is not returned — a half-understood runbook would hunt with holes nobody sees.
/// </summary>
public static class RunbookLoader
{
    /// <summary>Largest runbook file read; runbooks are text written by people.</summary>
    public const int MaxFileBytes = 4 << 20;

    public static RunbookLoadResult LoadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
                return Failed(path, 0, $"file is {info.Length} bytes; runbooks are limited to {MaxFileBytes} bytes");
            return LoadText(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, 0, "cannot read: " + e.Message);
        }
    }

    /// <summary>Reads one runbook from YAML text; <paramref name="sourcePath"/> names it in errors and in the result.</summary>
    public static RunbookLoadResult LoadText(string text, string sourcePath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return Failed(sourcePath, (int)e.Start.Line, "not valid YAML: " + e.Message);
        }

        if (stream.Documents.Count != 1)
            return Failed(sourcePath, 0, $"a runbook file holds exactly one YAML document, found {stream.Documents.Count}");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            return Failed(sourcePath, (int)stream.Documents[0].RootNode.Start.Line, "a runbook is a YAML mapping");

        var errors = new List<RunbookError>();
        var runbook = Read(new YamlMap(root, sourcePath, errors), sourcePath, errors);
        return new RunbookLoadResult(sourcePath, errors.Count == 0 ? runbook : null, errors);
    }

    private static RunbookLoadResult Failed(string path, int line, string message) => new(path, null, [new RunbookError(path, line, message)]);

    private static Runbook Read(YamlMap map, string path, List<RunbookError> errors)
    {
        var id = map.String("id", required: true) ?? string.Empty;
        if (id.Length > 0 && !RunbookVocabulary.IsRunbookId(id))
            map.Error($"id '{id}' must be lower-case letters, digits and hyphens (at most 64)");
        var versionText = map.String("version", required: true);
        var version = default(RunbookVersion);
        if (versionText is not null && !RunbookVersion.TryParse(versionText, out version))
            map.Error($"version '{versionText}' is not a semantic version MAJOR.MINOR.PATCH");
        var status = map.String("status") ?? "stable";
        if (!RunbookVocabulary.Statuses.Contains(status))
            map.Error($"status '{status}' is not one of {string.Join(", ", RunbookVocabulary.Statuses)}");

        var changelog = map.Maps("changelog").Select(ReadChange).OfType<RunbookChange>().ToList();
        if (versionText is not null && errors.Count == 0 && !changelog.Any(c => c.Version == version))
            map.Error($"the changelog has no entry for version {version}");
        if (changelog.Any(c => c.Version > version))
            map.Error($"the changelog names a version later than {version}");

        var threatMap = map.Map("threat");
        var threat = new RunbookThreat();
        if (threatMap is not null)
        {
            threat = new RunbookThreat { Cves = threatMap.Strings("cves"), Actors = threatMap.Strings("actors"), References = threatMap.Strings("references") };
            foreach (var cve in threat.Cves.Where(c => !RunbookVocabulary.IsCve(c)))
                threatMap.Error($"'{cve}' is not a CVE id (CVE-YYYY-NNNN)");
            threatMap.RejectUnknownKeys();
        }

        var ttps = map.Maps("ttps").Select(ReadTtp).OfType<RunbookTtp>().ToList();
        var hunts = map.Maps("hunts").Select(ReadHunt).OfType<RunbookHunt>().ToList();
        foreach (var duplicate in hunts.GroupBy(h => h.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new RunbookError(path, duplicate.Last().Line, $"hunt id '{duplicate.Key}' is used {duplicate.Count()} times"));
        var remediation = map.Maps("remediation").Select(ReadRemediation).OfType<RunbookRemediation>().ToList();
        foreach (var duplicate in remediation.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new RunbookError(path, 0, $"remediation id '{duplicate.Key}' is used {duplicate.Count()} times"));

        var runbook = new Runbook
        {
            Id = id,
            Title = map.String("title", required: true) ?? string.Empty,
            Version = version,
            Status = status,
            Summary = map.String("summary"),
            Changelog = changelog,
            Threat = threat,
            AffectedBuilds = map.Strings("affectedBuilds"),
            Ttps = ttps,
            Iocs = map.Maps("iocs").Select(ReadIoc).OfType<RunbookIoc>().ToList(),
            Pocs = map.Maps("pocs").Select(ReadPoc).OfType<RunbookPoc>().ToList(),
            Hunts = hunts,
            Remediation = remediation,
            SourcePath = path,
        };
        map.RejectUnknownKeys();
        return runbook;
    }

    private static RunbookChange? ReadChange(YamlMap map)
    {
        var versionText = map.String("version", required: true);
        var dateText = map.String("date", required: true);
        var changes = map.Strings("changes");
        var source = map.String("source");
        var author = map.String("author");
        map.RejectUnknownKeys();
        if (changes.Count == 0)
            map.Error("a changelog entry lists its 'changes'");
        if (versionText is null || !RunbookVersion.TryParse(versionText, out var version))
        {
            if (versionText is not null)
                map.Error($"changelog version '{versionText}' is not MAJOR.MINOR.PATCH");
            return null;
        }

        if (dateText is null || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (dateText is not null)
                map.Error($"changelog date '{dateText}' is not YYYY-MM-DD");
            return null;
        }

        return new RunbookChange(version, date, changes, source, author);
    }

    private static RunbookTtp? ReadTtp(YamlMap map)
    {
        var technique = map.String("technique", required: true);
        var note = map.String("note");
        var source = map.String("source");
        map.RejectUnknownKeys();
        if (technique is null)
            return null;
        if (!RunbookVocabulary.IsTechniqueId(technique))
            map.Error($"'{technique}' is not an ATT&CK technique id (T1234 or T1234.001)");
        return new RunbookTtp(technique, note, source);
    }

    private static RunbookIoc? ReadIoc(YamlMap map)
    {
        var type = map.String("type", required: true);
        var value = map.String("value", required: true);
        var comment = map.String("comment");
        var source = map.String("source");
        map.RejectUnknownKeys();
        if (type is null || value is null)
            return null;
        if (!RunbookVocabulary.IocTypes.Contains(type))
            map.Error($"IOC type '{type}' is not one of {string.Join(", ", RunbookVocabulary.IocTypes)}");
        return new RunbookIoc(type, value, comment, source);
    }

    private static RunbookPoc? ReadPoc(YamlMap map)
    {
        var url = map.String("url", required: true);
        var cve = map.String("cve");
        var description = map.String("description", required: true);
        map.RejectUnknownKeys();
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            map.Error($"PoC url '{url}' is not an http(s) URL");
        if (cve is not null && !RunbookVocabulary.IsCve(cve))
            map.Error($"'{cve}' is not a CVE id");
        return url is null || description is null ? null : new RunbookPoc(url, cve, description);
    }

    private static RunbookHunt? ReadHunt(YamlMap map)
    {
        var id = map.String("id", required: true);
        var title = map.String("title", required: true);
        var severity = map.String("severity", required: true);
        var techniques = map.Strings("techniques");
        var description = map.String("description");
        var source = map.String("source");
        if (id is not null && !RunbookVocabulary.IsRunbookId(id))
            map.Error($"hunt id '{id}' must be lower-case letters, digits and hyphens");
        if (severity is not null && RunbookVocabulary.SeverityRank(severity) < 0)
            map.Error($"severity '{severity}' is not one of {string.Join(", ", RunbookVocabulary.Severities)}");
        foreach (var technique in techniques.Where(t => !RunbookVocabulary.IsTechniqueId(t)))
            map.Error($"'{technique}' is not an ATT&CK technique id");

        var bodies = new List<(RunbookHuntKind Kind, string Body)>();
        if (map.Node("sigma") is { } sigma)
        {
            if (sigma is YamlMappingNode rule)
                bodies.Add((RunbookHuntKind.Sigma, RunbookYaml.ToText(rule)));
            else
                map.Error(sigma, "'sigma' is an inline Sigma rule (a mapping); use 'sigmaId' to reference a rule by id");
        }

        AddText(map, bodies, "sigmaId", RunbookHuntKind.SigmaReference);
        AddText(map, bodies, "sql", RunbookHuntKind.Sql);
        AddText(map, bodies, "yara", RunbookHuntKind.Yara);
        AddText(map, bodies, "fileCheck", RunbookHuntKind.FileCheck);
        AddText(map, bodies, "iocs", RunbookHuntKind.Iocs);
        map.RejectUnknownKeys();
        if (bodies.Count != 1)
        {
            map.Error($"hunt '{id}' needs exactly one of sigma, sigmaId, sql, yara, fileCheck, iocs (found {bodies.Count})");
            return null;
        }

        var (kind, body) = bodies[0];
        if (kind == RunbookHuntKind.FileCheck && !RunbookVocabulary.FileChecks.Contains(body))
            map.Error($"file check '{body}' is not one of {string.Join(", ", RunbookVocabulary.FileChecks)}");
        if (kind == RunbookHuntKind.Iocs && body != "all")
            map.Error("'iocs: all' matches the runbook's IOCs; no other value is defined");
        if (kind == RunbookHuntKind.Sql && !LooksReadOnly(body))
            map.Error("a SQL hunt is one SELECT (or WITH … SELECT) query");
        return id is null || title is null || severity is null
            ? null
            : new RunbookHunt(id, title, kind, body, techniques, severity.ToLowerInvariant(), description, source, map.Line);
    }

    private static void AddText(YamlMap map, List<(RunbookHuntKind, string)> bodies, string key, RunbookHuntKind kind)
    {
        if (map.String(key) is { } text)
            bodies.Add((kind, text));
    }

    // The store runs hunts read-only anyway; this catches a pasted statement that is not a query before it runs.
    private static bool LooksReadOnly(string sql)
    {
        var head = sql.TrimStart();
        return head.StartsWith("select", StringComparison.OrdinalIgnoreCase) || head.StartsWith("with", StringComparison.OrdinalIgnoreCase);
    }

    private static RunbookRemediation? ReadRemediation(YamlMap map)
    {
        var id = map.String("id", required: true);
        var action = map.String("action", required: true);
        var target = map.String("target", required: true);
        var description = map.String("description", required: true);
        var command = map.String("command");
        map.RejectUnknownKeys();
        if (action is not null && !RunbookVocabulary.Actions.Contains(action))
            map.Error($"action '{action}' is not one of {string.Join(", ", RunbookVocabulary.Actions)}");
        if (target is not null && !RunbookVocabulary.Targets.Contains(target))
            map.Error($"target '{target}' is not one of {string.Join(", ", RunbookVocabulary.Targets)}");
        return id is null || action is null || target is null || description is null ? null : new RunbookRemediation(id, action, target, description, command);
    }
}
