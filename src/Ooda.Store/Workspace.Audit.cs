using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>The hash a chain starts from.</summary>
    public const string AuditGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Beside the database: the last entry's sequence and hash, so removing entries from the end is detected too.</summary>
    public const string AuditHeadFileName = "audit.head";

    /// <summary>Appends one entry to the audit log in its own transaction.</summary>
    public AuditEntry AppendAudit(string actor, string action, string subject, string details, DateTime? at = null)
    {
        using var transaction = _connection.BeginTransaction();
        var entry = AppendAuditInTransaction(actor, action, subject, details, at ?? DateTime.UtcNow);
        transaction.Commit();
        WriteAuditHead(entry);
        return entry;
    }

    /// <summary>The log, oldest first; only the entries whose subject starts with <paramref name="subjectPrefix"/> when given.</summary>
    public IReadOnlyList<AuditEntry> ReadAudit(string? subjectPrefix = null)
    {
        using var command = subjectPrefix is null
            ? Command("SELECT seq, logged_at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY seq")
            : Command("SELECT seq, logged_at, actor, action, subject, details, prev_hash, hash FROM audit_log WHERE starts_with(subject, $1) ORDER BY seq", subjectPrefix);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }

        return entries;
    }

    /// <summary>Recomputes every hash and link, and checks the chain's end against the head file.</summary>
    public AuditVerification VerifyAudit()
    {
        var entries = ReadAudit();
        var previous = AuditGenesisHash;
        long expected = 1;
        foreach (var e in entries)
        {
            if (e.Sequence != expected)
                return new AuditVerification(entries.Count, expected, e.Sequence > expected ? $"entries {expected}..{e.Sequence - 1} are missing" : $"entry {e.Sequence} is out of order");
            if (e.PreviousHash != previous)
                return new AuditVerification(entries.Count, e.Sequence, "its link to the previous entry does not match (an earlier entry was edited or removed)");
            if (AuditHash(e.Sequence, e.At, e.Actor, e.Action, e.Subject, e.Details, e.PreviousHash) != e.Hash)
                return new AuditVerification(entries.Count, e.Sequence, "its content does not match its hash (the entry was edited)");
            previous = e.Hash;
            expected++;
        }

        var head = ReadAuditHead();
        if (head is null)
            return entries.Count == 0 ? new AuditVerification(0, null, null) : new AuditVerification(entries.Count, entries[^1].Sequence, $"the head file {AuditHeadFileName} is missing");
        var (headSequence, headHash) = head.Value;
        if (headSequence < 0)
            return new AuditVerification(entries.Count, entries.Count == 0 ? 1 : entries[^1].Sequence, $"the head file {AuditHeadFileName} is unreadable");
        if (headSequence > entries.Count)
            return new AuditVerification(entries.Count, entries.Count + 1, $"entries {entries.Count + 1}..{headSequence} were removed from the end");
        // A head behind the log is an interrupted write after a commit; the entry it names must still be the one it saw.
        if (headSequence > 0 && entries[(int)headSequence - 1].Hash != headHash)
            return new AuditVerification(entries.Count, headSequence, "it does not match the head file (the log was rewritten)");
        return new AuditVerification(entries.Count, null, null);
    }

    /// <summary>Appends within the caller's open transaction, so a change and its audit entry commit together.</summary>
    internal AuditEntry AppendAuditInTransaction(string actor, string action, string subject, string details, DateTime at)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(details);
        long sequence = 1;
        var previous = AuditGenesisHash;
        using (var last = Command("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))
        using (var reader = last.ExecuteReader())
        {
            if (reader.Read())
            {
                sequence = reader.GetInt64(0) + 1;
                previous = reader.GetString(1);
            }
        }

        // The store keeps microseconds; hash what will be read back.
        var stored = new DateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc).Ticks / 10 * 10, DateTimeKind.Utc);
        var hash = AuditHash(sequence, stored, actor, action, subject, details, previous);
        using (var insert = Command("INSERT INTO audit_log VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", sequence, stored, actor, action, subject, details, previous, hash))
            insert.ExecuteNonQuery();
        return new AuditEntry(sequence, stored, actor, action, subject, details, previous, hash);
    }

    /// <summary>Records the chain's new end after a commit.</summary>
    internal void WriteAuditHead(AuditEntry last)
    {
        var path = Path.Combine(Folder, AuditHeadFileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{last.Sequence} {last.Hash}\n"));
        File.Move(temporary, path, overwrite: true);
    }

    private (long Sequence, string Hash)? ReadAuditHead()
    {
        var path = Path.Combine(Folder, AuditHeadFileName);
        if (!File.Exists(path))
            return null;
        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? (sequence, parts[1])
            : (-1, string.Empty);
    }

    /// <summary>SHA-256 over every field, each length-prefixed so no choice of content can make two entries hash alike.</summary>
    internal static string AuditHash(long sequence, DateTime at, string actor, string action, string subject, string details, string previousHash)
    {
        var text = new StringBuilder();
        foreach (var part in new[]
        {
            sequence.ToString(CultureInfo.InvariantCulture), at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            actor, action, subject, details, previousHash,
        })
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
