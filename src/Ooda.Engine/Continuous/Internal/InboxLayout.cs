namespace Ooda.Engine.Continuous.Internal;

/// <summary>
/// Where the inbox keeps things: new evidence at <c>&lt;inbox&gt;/&lt;tenant&gt;/&lt;host&gt;/…</c>; accepted files at
/// <c>&lt;inbox&gt;/.ooda/files/&lt;tenant&gt;/&lt;host&gt;/&lt;sha256&gt;/&lt;name&gt;</c> (one per content, moved there by rename);
/// uploads being received in <c>&lt;inbox&gt;/.ooda/incoming</c>.
/// </summary>
internal sealed class InboxLayout(string inbox)
{
    public string Inbox { get; } = Path.GetFullPath(inbox);

    public string Queue => Path.Combine(Inbox, ContinuousHunterOptions.QueueFolderName);

    public string Files => Path.Combine(Queue, "files");

    public string Incoming => Path.Combine(Queue, "incoming");

    public string AcceptedPath(string tenant, string host, string sha256, string relativePath) =>
        Path.Combine(Files, tenant, host, sha256, Path.GetFileName(relativePath.Replace('\\', '/').Split('/')[^1]));

    /// <summary>Creates the folders; the queue folder lives inside the inbox so accepting a file is a rename on one file system.</summary>
    public void Create()
    {
        Directory.CreateDirectory(Inbox);
        Directory.CreateDirectory(Files);
        Directory.CreateDirectory(Incoming);
    }
}
