using System.Text;
using Ooda.Detection.Iocs;

namespace Ooda.Detection.Tests.Iocs;

/// <summary>Checks every importer owes: each entry accounted for, each rejection explained.</summary>
internal static class ImportAssert
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    public static void AccountsForEveryEntry(IocImport import)
    {
        Assert.Equal(import.Entries, import.Iocs.Count + import.Rejected + import.Duplicates);
        Assert.True(import.Diagnostics.Count >= import.Rejected + import.Duplicates, "every rejection and duplicate has a diagnostic");
        Assert.All(import.Diagnostics, d => Assert.Equal(import.File, d.File));
    }

    public static IEnumerable<string> Values(IocImport import) => import.Iocs.Select(i => $"{IocKinds.Name(i.Kind)}:{i.Value}");
}
