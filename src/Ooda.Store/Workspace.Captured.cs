using Ooda.Core;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>The captured files the workspace knows, by tenant, host and original path; optionally one tenant's.</summary>
    public IReadOnlyList<CapturedFile> ListCapturedFiles(string? tenant = null)
    {
        using var command = tenant is null
            ? Command("SELECT tenant, host, original_path, source_path, size, modified, created, sha256, first_bytes FROM captured_files ORDER BY tenant, host, original_path")
            : Command("SELECT tenant, host, original_path, source_path, size, modified, created, sha256, first_bytes FROM captured_files WHERE tenant = $1 ORDER BY host, original_path", tenant);
        using var reader = command.ExecuteReader();
        var files = new List<CapturedFile>();
        while (reader.Read())
        {
            using var head = reader.GetStream(8);
            var bytes = new byte[head.Length];
            head.ReadExactly(bytes);
            files.Add(new CapturedFile(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc), DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                reader.GetString(7), bytes));
        }

        return files;
    }
}
