using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Ooda.Core;

namespace Ooda.Store;

/// <summary>
/// The evidence the lateral-movement graph is built from. One scan of <c>event_rows</c> selects the tenant's rows of the few
/// event ids that matter — with cheap text tests on the stored JSON before any of it is parsed — into a temporary table and
/// extracts only the fields each needs; four small queries then group it, so a large store answers with a few thousand rows.
/// </summary>
public sealed partial class Workspace
{
    private const string LateralSecurity = "security";
    private const string LateralSystem = "system";
    private const string LateralSysmon = "microsoft-windows-sysmon/operational";
    private const string LateralSelection = "lateral_selection";
    private const long LateralMicrosecondsPerDay = 86_400_000_000L;

    /// <summary>
    /// Remote logons (4624 types 3 and 10) and explicit credentials (4648) grouped by both ends, account and kind; Sysmon
    /// connections (3) to <see cref="LateralQuery.RemoteServicePorts"/>; and execution artefacts in the window — service installs
    /// (7045, 4697) and processes started by the WMI provider host or the WinRM plug-in host (Sysmon 1, 4688) — each with the
    /// remote logons on its host that share its session or precede it within the tie window (at most five, latest first).
    /// </summary>
    /// <remarks>
    /// The text tests rely on how <see cref="EventBatch"/> stores fields: one JSON object of string values, written
    /// <c>"Name":"value"</c> without spaces.
    /// </remarks>
    public LateralEvidenceSet QueryLateral(LateralQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ports = string.Join("|", LateralQuery.RemoteServicePorts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        var parameters = new List<object?> { query.Tenant };
        var artefactWindow = LateralWindow("r.ts", query, parameters);
        using (var select = Command($$"""
            CREATE OR REPLACE TEMP TABLE {{LateralSelection}} AS
            SELECT ts, host, channel, event_id, record_id, file_id, file_offset, line,
                   CASE event_id
                       WHEN 4624 THEN json_extract_string(text, ['$.LogonType', '$.IpAddress', '$.WorkstationName', '$.TargetUserName', '$.TargetDomainName',
                                                                 '$.AuthenticationPackageName', '$.TargetUserSid', '$.TargetLogonId'])
                       WHEN 4648 THEN json_extract_string(text, ['$.TargetServerName', '$.TargetInfo', '$.TargetUserName', '$.TargetDomainName',
                                                                 '$.SubjectUserName', '$.ProcessName'])
                       WHEN 3 THEN json_extract_string(text, ['$.DestinationPort', '$.Initiated', '$.SourceIp', '$.SourceHostname', '$.DestinationIp',
                                                              '$.DestinationHostname', '$.Image', '$.User'])
                       ELSE json_extract_string(text, ['$.ServiceName', '$.ImagePath', '$.ServiceFileName', '$.AccountName', '$.ServiceAccount',
                           '$.Security_UserID', '$.SubjectUserSid', '$.SubjectLogonId', '$.Image', '$.NewProcessName', '$.CommandLine', '$.ParentImage',
                           '$.ParentProcessName', '$.User', '$.LogonId', '$.SubjectUserName', '$.SubjectDomainName', '$.TargetLogonId'])
                   END AS v,
                   CASE event_id WHEN 4624 THEN lower(json_extract_string(text, '$.TargetLogonId')) END AS logon_id
            FROM (
                SELECT r.ts, f.host, r.channel, r.event_id, r.record_id, r.file_id, r.file_offset, r.line, decode(r.fields) AS text
                FROM event_rows r JOIN ingested_files f ON f.file_id = r.file_id
                WHERE f.tenant = $1 AND r.ts IS NOT NULL AND r.event_id IN (4624, 4648, 3, 7045, 4697, 1, 4688)
            ) r
            WHERE CASE event_id
                WHEN 4624 THEN lower(channel) = '{{LateralSecurity}}' AND (contains(text, '"LogonType":"3"') OR contains(text, '"LogonType":"10"'))
                WHEN 4648 THEN lower(channel) = '{{LateralSecurity}}'
                WHEN 3 THEN lower(channel) = '{{LateralSysmon}}' AND regexp_matches(text, '"DestinationPort":"({{ports}})"')
                WHEN 7045 THEN lower(channel) = '{{LateralSystem}}' AND {{artefactWindow}}
                WHEN 4697 THEN lower(channel) = '{{LateralSecurity}}' AND {{artefactWindow}}
                WHEN 1 THEN lower(channel) = '{{LateralSysmon}}' AND {{artefactWindow}} AND regexp_matches(text, '(?i)wmiprvse\.exe|wsmprovhost\.exe')
                ELSE lower(channel) = '{{LateralSecurity}}' AND {{artefactWindow}} AND regexp_matches(text, '(?i)wmiprvse\.exe|wsmprovhost\.exe')
            END
            """, [.. parameters]))
        {
            select.ExecuteNonQuery();
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var files = LateralFiles(query.Tenant);
            var logons = ReadLateralLogonGroups(query, files);
            cancellationToken.ThrowIfCancellationRequested();
            var credentials = ReadLateralCredentialGroups(query, files);
            cancellationToken.ThrowIfCancellationRequested();
            var connections = ReadLateralConnectionGroups(query, files);
            cancellationToken.ThrowIfCancellationRequested();
            var artefacts = ReadLateralArtefacts(query, files);
            return new LateralEvidenceSet(logons, credentials, connections, artefacts);
        }
        finally
        {
            using var drop = Command($"DROP TABLE IF EXISTS {LateralSelection}");
            drop.ExecuteNonQuery();
        }
    }

    private List<LateralLogonGroup> ReadLateralLogonGroups(LateralQuery query, Dictionary<int, (string, string)> files)
    {
        var parameters = new List<object?>();
        var window = LateralWindow("ts", query, parameters);
        using var command = Command($"""
            SELECT host, v[2] AS ip, v[3] AS workstation, v[4] AS account, v[5] AS domain, TRY_CAST(v[1] AS INTEGER) AS logon_type, v[6] AS package,
                   {LateralAggregates(window, query.EvidenceLimit)}
            FROM {LateralSelection} WHERE event_id = 4624 AND v[1] IN ('3', '10')
            GROUP BY ALL ORDER BY ALL
            """, [.. parameters]);
        using var reader = command.ExecuteReader();
        var groups = new List<LateralLogonGroup>();
        while (reader.Read())
        {
            var host = reader.GetString(0);
            var (count, first, last, total, days, evidence) = ReadLateralAggregates(reader, 7, host, "Security", 4624, files);
            groups.Add(new LateralLogonGroup(host, ReadString(reader, 1), ReadString(reader, 2), ReadString(reader, 3), ReadString(reader, 4),
                reader.GetInt32(5), ReadString(reader, 6), count, first, last, total, days, evidence));
        }

        return groups;
    }

    private List<LateralCredentialGroup> ReadLateralCredentialGroups(LateralQuery query, Dictionary<int, (string, string)> files)
    {
        var parameters = new List<object?>();
        var window = LateralWindow("ts", query, parameters);
        using var command = Command($"""
            SELECT host, v[1] AS server, v[2] AS info, v[3] AS account, v[4] AS domain, v[5] AS subject, v[6] AS process,
                   {LateralAggregates(window, query.EvidenceLimit)}
            FROM {LateralSelection} WHERE event_id = 4648
            GROUP BY ALL ORDER BY ALL
            """, [.. parameters]);
        using var reader = command.ExecuteReader();
        var groups = new List<LateralCredentialGroup>();
        while (reader.Read())
        {
            var host = reader.GetString(0);
            var (count, first, last, total, days, evidence) = ReadLateralAggregates(reader, 7, host, "Security", 4648, files);
            groups.Add(new LateralCredentialGroup(host, ReadString(reader, 1), ReadString(reader, 2), ReadString(reader, 3), ReadString(reader, 4),
                ReadString(reader, 5), ReadString(reader, 6), count, first, last, total, days, evidence));
        }

        return groups;
    }

    private List<LateralConnectionGroup> ReadLateralConnectionGroups(LateralQuery query, Dictionary<int, (string, string)> files)
    {
        var parameters = new List<object?>();
        var window = LateralWindow("ts", query, parameters);
        var ports = string.Join(", ", LateralQuery.RemoteServicePorts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        using var command = Command($"""
            SELECT host, coalesce(lower(v[2]) <> 'false', true) AS initiated, v[3] AS source_ip, v[4] AS source_name, v[5] AS destination_ip,
                   v[6] AS destination_name, TRY_CAST(v[1] AS INTEGER) AS port, v[7] AS image, v[8] AS account,
                   {LateralAggregates(window, query.EvidenceLimit)}
            FROM {LateralSelection} WHERE event_id = 3 AND TRY_CAST(v[1] AS INTEGER) IN ({ports})
            GROUP BY ALL ORDER BY ALL
            """, [.. parameters]);
        using var reader = command.ExecuteReader();
        var groups = new List<LateralConnectionGroup>();
        while (reader.Read())
        {
            var host = reader.GetString(0);
            var (count, first, last, total, days, evidence) = ReadLateralAggregates(reader, 9, host, "Microsoft-Windows-Sysmon/Operational", 3, files);
            groups.Add(new LateralConnectionGroup(host, reader.GetBoolean(1), ReadString(reader, 2), ReadString(reader, 3), ReadString(reader, 4),
                ReadString(reader, 5), reader.GetInt32(6), ReadString(reader, 7), ReadString(reader, 8), count, first, last, total, days, evidence));
        }

        return groups;
    }

    private List<LateralArtefact> ReadLateralArtefacts(LateralQuery query, Dictionary<int, (string, string)> files)
    {
        var tie = Math.Max(1, (long)(query.TieWindow ?? LateralQuery.DefaultTieWindow).TotalMicroseconds);
        using var command = Command($$"""
            WITH art AS (
                SELECT row_number() OVER (ORDER BY ts, host, file_id, record_id, line) AS aid, ts, host, channel, event_id, record_id, file_id, file_offset, line,
                       CASE WHEN event_id IN (7045, 4697) THEN 0 ELSE 1 END AS kind,
                       CASE event_id WHEN 7045 THEN v[1] WHEN 4697 THEN v[1] WHEN 1 THEN v[9] ELSE v[10] END AS name,
                       CASE event_id WHEN 7045 THEN v[2] WHEN 4697 THEN v[3] ELSE v[11] END AS detail,
                       CASE event_id WHEN 7045 THEN v[4] WHEN 4697 THEN v[5] WHEN 1 THEN v[14] ELSE v[17] || '\' || v[16] END AS account,
                       CASE event_id WHEN 1 THEN v[12] WHEN 4688 THEN v[13] END AS parent,
                       CASE event_id WHEN 7045 THEN v[6] WHEN 4697 THEN v[7] END AS installer_sid,
                       CASE event_id WHEN 4697 THEN v[8] WHEN 1 THEN v[15]
                            WHEN 4688 THEN CASE WHEN coalesce(v[18], '0x0') NOT IN ('0x0', '-') THEN v[18] ELSE v[8] END END AS logon_id
                FROM {{LateralSelection}}
                WHERE event_id IN (7045, 4697)
                   OR (event_id IN (1, 4688) AND lower(CASE event_id WHEN 1 THEN v[12] ELSE v[13] END) SIMILAR TO '(.*\\)?(wmiprvse|wsmprovhost)\.exe')
            ), buckets AS (
                SELECT DISTINCT host, epoch_us(ts) // $1 AS bucket FROM art
                UNION SELECT DISTINCT host, epoch_us(ts) // $1 - 1 FROM art
            ), sessions AS (
                SELECT DISTINCT host, lower(logon_id) AS logon_id FROM art WHERE logon_id IS NOT NULL
            ), lg AS (
                -- Only the logons that can tie to an artefact (same host and session, or a nearby time bucket), so the joins below stay small.
                SELECT s.ts, s.host, s.record_id, s.file_id, s.file_offset, s.line, s.v, s.logon_id, epoch_us(s.ts) // $1 AS bucket
                FROM {{LateralSelection}} s JOIN buckets b ON b.host = s.host AND b.bucket = epoch_us(s.ts) // $1
                WHERE s.event_id = 4624 AND s.v[1] IN ('3', '10')
                UNION
                SELECT s.ts, s.host, s.record_id, s.file_id, s.file_offset, s.line, s.v, s.logon_id, epoch_us(s.ts) // $1 AS bucket
                FROM {{LateralSelection}} s JOIN sessions x ON x.host = s.host AND x.logon_id = s.logon_id
                WHERE s.event_id = 4624 AND s.v[1] IN ('3', '10')
            ), candidates AS (
                -- Equi-joins only, which stay cheap however many logons a host has: on the session, and on tie-window-wide time buckets
                -- (a logon up to one tie window before an artefact is in its bucket or the one before).
                SELECT art.aid, lg.ts, lg.record_id, lg.file_id, lg.file_offset, lg.line, lg.v
                FROM art JOIN lg ON lg.host = art.host AND lg.logon_id = lower(art.logon_id) AND lg.ts <= art.ts
                UNION
                SELECT art.aid, lg.ts, lg.record_id, lg.file_id, lg.file_offset, lg.line, lg.v
                FROM art JOIN lg ON lg.host = art.host AND lg.bucket = epoch_us(art.ts) // $1
                WHERE lg.ts <= art.ts AND lg.ts >= art.ts - to_microseconds($1)
                UNION
                SELECT art.aid, lg.ts, lg.record_id, lg.file_id, lg.file_offset, lg.line, lg.v
                FROM art JOIN lg ON lg.host = art.host AND lg.bucket = epoch_us(art.ts) // $1 - 1
                WHERE lg.ts <= art.ts AND lg.ts >= art.ts - to_microseconds($1)
            ), picked AS (
                SELECT aid, to_json(max_by({'t': epoch_us(ts), 'lt': v[1], 'ip': v[2], 'ws': v[3], 'u': v[4], 'd': v[5], 'pk': v[6], 'sid': v[7], 'id': v[8],
                                             'r': record_id, 'f': file_id, 'o': file_offset, 'l': line}, ts, 5))::VARCHAR AS logons
                FROM candidates GROUP BY aid
            )
            SELECT art.ts, art.host, art.channel, art.event_id, art.record_id, art.file_id, art.file_offset, art.line,
                   art.kind, art.name, art.detail, art.account, art.parent, art.installer_sid, art.logon_id, picked.logons
            FROM art LEFT JOIN picked ON picked.aid = art.aid
            ORDER BY art.aid
            """, tie);
        using var reader = command.ExecuteReader();
        var artefacts = new List<LateralArtefact>();
        while (reader.Read())
        {
            var host = reader.GetString(1);
            var (path, sha256) = files.GetValueOrDefault(reader.GetInt32(5), (string.Empty, string.Empty));
            var evidence = new LateralEvidenceRef(LateralUtc(reader.GetDateTime(0)), host, ReadString(reader, 2) ?? string.Empty, reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                new Provenance(path, sha256, reader.IsDBNull(6) ? -1 : reader.GetInt64(6), reader.IsDBNull(7) ? 0 : reader.GetInt64(7)));
            artefacts.Add(new LateralArtefact(
                reader.GetInt32(8) == 0 ? LateralArtefactKind.ServiceInstall : LateralArtefactKind.RemoteProcess,
                host, evidence.Time, ReadString(reader, 9), ReadString(reader, 10), ReadString(reader, 11), ReadString(reader, 12),
                ReadString(reader, 13), ReadString(reader, 14), evidence, ReadLateralLogons(ReadString(reader, 15), host, files)));
        }

        return artefacts;
    }

    /// <summary>The tenant's files by id: the selection carries the small id, evidence gets the path and hash back from here.</summary>
    private Dictionary<int, (string, string)> LateralFiles(string tenant)
    {
        using var command = Command("SELECT file_id, path, sha256 FROM ingested_files WHERE tenant = $1", tenant);
        using var reader = command.ExecuteReader();
        var files = new Dictionary<int, (string, string)>();
        while (reader.Read())
            files[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        return files;
    }

    /// <summary>The window as a SQL condition on <paramref name="column"/>, its bounds appended to <paramref name="parameters"/>.</summary>
    private static string LateralWindow(string column, LateralQuery query, List<object?> parameters)
    {
        var conditions = new List<string>();
        if (query.From is { } from)
        {
            parameters.Add(from);
            conditions.Add($"{column} >= ${parameters.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        if (query.To is { } to)
        {
            parameters.Add(to);
            conditions.Add($"{column} < ${parameters.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        return conditions.Count == 0 ? "true" : "(" + string.Join(" AND ", conditions) + ")";
    }

    /// <summary>Window count, first, last and earliest evidence; store-wide count and distinct days.</summary>
    private static string LateralAggregates(string window, int evidenceLimit)
    {
        var limit = Math.Clamp(evidenceLimit, 1, 1000).ToString(CultureInfo.InvariantCulture);
        return $$"""
            count(*) FILTER (WHERE {{window}}), min(ts) FILTER (WHERE {{window}}), max(ts) FILTER (WHERE {{window}}), count(*),
            list(DISTINCT epoch_us(ts) // {{LateralMicrosecondsPerDay}}),
            to_json(min_by({'t': epoch_us(ts), 'r': record_id, 'f': file_id, 'o': file_offset, 'l': line}, ts, {{limit}}) FILTER (WHERE {{window}}))::VARCHAR
            """;
    }

    private static (long Count, DateTime? First, DateTime? Last, long Total, IReadOnlyList<DateOnly> Days, IReadOnlyList<LateralEvidenceRef> Evidence)
        ReadLateralAggregates(DbDataReader reader, int at, string host, string channel, int eventId, Dictionary<int, (string, string)> files)
    {
        var days = reader.GetFieldValue<List<long>>(at + 4).Order().Select(d => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(d))).ToList();
        return (reader.GetInt64(at),
            reader.IsDBNull(at + 1) ? null : LateralUtc(reader.GetDateTime(at + 1)),
            reader.IsDBNull(at + 2) ? null : LateralUtc(reader.GetDateTime(at + 2)),
            reader.GetInt64(at + 3),
            days,
            ReadLateralEvidence(ReadString(reader, at + 5), host, channel, eventId, files));
    }

    private static List<LateralEvidenceRef> ReadLateralEvidence(string? json, string host, string channel, int eventId, Dictionary<int, (string, string)> files)
    {
        var list = new List<LateralEvidenceRef>();
        if (json is null)
            return list;
        using var document = JsonDocument.Parse(json);
        foreach (var item in document.RootElement.EnumerateArray())
            list.Add(LateralEvidenceOf(item, host, channel, eventId, files));
        list.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : Nullable.Compare(a.RecordId, b.RecordId));
        return list;
    }

    private static List<LateralLogon> ReadLateralLogons(string? json, string host, Dictionary<int, (string, string)> files)
    {
        var list = new List<LateralLogon>();
        if (json is null)
            return list;
        using var document = JsonDocument.Parse(json);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var evidence = LateralEvidenceOf(item, host, "Security", 4624, files);
            list.Add(new LateralLogon(evidence.Time, LateralText(item, "ip"), LateralText(item, "ws"), LateralText(item, "u"), LateralText(item, "d"), LateralText(item, "sid"), LateralText(item, "id"),
                int.TryParse(LateralText(item, "lt"), NumberStyles.None, CultureInfo.InvariantCulture, out var type) ? type : 0, LateralText(item, "pk"), evidence));
        }

        list.Sort((a, b) => b.Time.CompareTo(a.Time));
        return list;
    }

    private static LateralEvidenceRef LateralEvidenceOf(JsonElement item, string host, string channel, int eventId, Dictionary<int, (string, string)> files)
    {
        var time = DateTime.UnixEpoch.AddTicks(item.GetProperty("t").GetInt64() * 10);
        long? Number(string name) => item.GetProperty(name).ValueKind == JsonValueKind.Number ? item.GetProperty(name).GetInt64() : null;
        (string Path, string Sha256) file = files.GetValueOrDefault((int)(Number("f") ?? -1), (string.Empty, string.Empty));
        return new LateralEvidenceRef(time, host, channel, eventId, Number("r"),
            new Provenance(file.Path, file.Sha256, Number("o") ?? -1, Number("l") ?? 0));
    }

    private static string? LateralText(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTime LateralUtc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
