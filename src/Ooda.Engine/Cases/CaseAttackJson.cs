using System.Globalization;
using System.Text.Json;

namespace Ooda.Engine.Cases;

/// <summary>The <c>ooda case attack --json</c> document: tactics in kill-chain order, techniques with sub-techniques and evidence.</summary>
public static class CaseAttackJson
{
    public static void Write(Utf8JsonWriter w, CaseAttackView view, string? caseId = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(view);
        w.WriteStartObject();
        if (caseId is not null)
            w.WriteString("caseId", caseId);
        w.WriteString("attackRelease", view.Release);
        w.WriteString("copyright", view.Copyright);
        w.WriteNumber("findings", view.Findings);
        w.WriteString("firstSeen", Iso(view.FirstSeen));
        w.WriteString("lastSeen", Iso(view.LastSeen));
        w.WriteStartArray("tactics");
        foreach (var tactic in view.Tactics)
        {
            w.WriteStartObject();
            w.WriteString("id", tactic.Tactic.Id);
            w.WriteString("shortName", tactic.Tactic.ShortName);
            w.WriteString("name", tactic.Tactic.Name);
            w.WriteNumber("order", tactic.Tactic.MatrixOrder);
            w.WriteString("firstSeen", Iso(tactic.FirstSeen));
            w.WriteString("lastSeen", Iso(tactic.LastSeen));
            Strings(w, "hosts", tactic.Hosts);
            w.WriteStartArray("techniques");
            foreach (var technique in tactic.Techniques)
                WriteTechnique(w, technique);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("unplaced");
        foreach (var u in view.Unplaced)
        {
            w.WriteStartObject();
            w.WriteString("tag", u.Tag);
            w.WriteString("note", u.Note);
            WriteEvidence(w, u.Evidence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("expected");
        foreach (var e in view.Expected)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Technique?.Id ?? e.Id);
            w.WriteString("listedAs", e.Id);
            w.WriteString("name", e.Technique?.Name);
            Strings(w, "tactics", e.Technique?.Tactics.Select(t => t.ShortName) ?? []);
            Strings(w, "runbooks", e.Runbooks);
            Strings(w, "notes", e.Notes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTechnique(Utf8JsonWriter w, CaseAttackTechnique t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Technique.Id);
        w.WriteString("name", t.Technique.Name);
        w.WriteString("url", t.Technique.Url);
        w.WriteBoolean("observed", t.Observed);
        w.WriteString("firstSeen", Iso(t.FirstSeen));
        w.WriteString("lastSeen", Iso(t.LastSeen));
        Strings(w, "hosts", t.Hosts);
        Strings(w, "notes", t.Notes);
        Strings(w, "runbookNotes", t.RunbookNotes);
        WriteEvidence(w, t.Evidence);
        w.WriteStartArray("subTechniques");
        foreach (var sub in t.SubTechniques)
            WriteTechnique(w, sub);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter w, IReadOnlyList<CaseAttackEvidence> evidence)
    {
        w.WriteStartArray("evidence");
        foreach (var e in evidence)
        {
            w.WriteStartObject();
            w.WriteString("findingId", e.FindingId);
            w.WriteString("title", e.Title);
            w.WriteString("severity", e.Severity);
            w.WriteString("tenant", e.Tenant);
            w.WriteString("host", e.Host);
            w.WriteString("timestamp", Iso(e.Timestamp));
            w.WriteString("taggedAs", e.TaggedAs);
            w.WriteBoolean("fromRunbook", e.FromRunbook);
            w.WriteString("runbook", e.Runbook);
            w.WriteString("hunt", e.Hunt);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
            w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static string? Iso(DateTime? utc) =>
        utc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : null;
}
