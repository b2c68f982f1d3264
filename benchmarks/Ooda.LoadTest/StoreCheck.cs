using System.Globalization;
using Ooda.Store;

namespace Ooda.LoadTest;

/// <summary>
/// After the console stopped: every accepted upload's content is in the store exactly once (one ingested file with all
/// its events, one queue row, hunted), and every receipt of the same content names the same queue row.
/// </summary>
internal static class StoreCheck
{
    public static int Run(string workspaceFolder, string receiptsPath)
    {
        var receipts = File.ReadAllLines(receiptsPath).Where(l => l.Length > 0).Select(UploadReceiptLine.Parse).ToList();
        using var workspace = Workspace.Open(workspaceFolder);
        var files = workspace.ListFiles();
        var queue = workspace.ListInboxItems();
        var problems = new List<string>();
        var distinct = receipts.GroupBy(r => (r.Tenant, r.Host, r.Sha256)).ToList();
        long events = 0;
        foreach (var content in distinct)
        {
            var (tenant, host, sha256) = content.Key;
            var ingested = files.Where(f => f.Tenant == tenant && f.Host == host && f.Sha256 == sha256).ToList();
            var rows = queue.Where(i => i.Tenant == tenant && i.Host == host && i.Sha256 == sha256).ToList();
            var ids = content.Select(r => r.QueueId).Distinct().ToList();
            if (ingested.Count != 1)
                problems.Add($"{tenant}/{host} {sha256[..12]}: ingested {ingested.Count} times");
            else if (ingested[0].Events != EvidenceGenerator.Lines)
                problems.Add($"{tenant}/{host} {sha256[..12]}: {ingested[0].Events} events, expected {EvidenceGenerator.Lines}");
            if (rows.Count != 1 || rows[0].State != InboxItemStates.Hunted)
                problems.Add($"{tenant}/{host} {sha256[..12]}: {rows.Count} queue rows ({string.Join(", ", rows.Select(r => r.State))})");
            if (ids.Count != 1 || rows.Count == 1 && ids[0] != rows[0].Id)
                problems.Add($"{tenant}/{host} {sha256[..12]}: receipts name queue rows {string.Join(", ", ids)}");
            if (content.Count(r => !r.Duplicate) != 1)
                problems.Add($"{tenant}/{host} {sha256[..12]}: {content.Count(r => !r.Duplicate)} receipts say new");
            events += ingested.Sum(f => f.Events);
        }

        var leads = workspace.ListLeads(new LeadQuery { Tenant = receipts.FirstOrDefault()?.Tenant }).Where(l => l.Host.StartsWith("load-", StringComparison.Ordinal)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store: {receipts.Count} uploads ({receipts.Count(r => r.Duplicate)} duplicates) → {distinct.Count} distinct files; {events} events (expected {distinct.Count * EvidenceGenerator.Lines}); {leads.Count} leads on the load hosts holding {leads.Sum(l => l.Count)} findings"));
        foreach (var problem in problems.Take(20))
            Console.WriteLine("  " + problem);
        Console.WriteLine(problems.Count == 0 ? "every upload was ingested and hunted exactly once; none lost, none duplicated" : $"{problems.Count} problems");
        return problems.Count == 0 ? 0 : 1;
    }
}
