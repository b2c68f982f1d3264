using System.Globalization;

namespace Ooda.LoadTest;

/// <summary>One upload as the console answered it, kept as a tab-separated line for the store check.</summary>
internal sealed record UploadReceiptLine(int Number, string Tenant, string Host, string Sha256, long QueueId, bool Duplicate, int Status)
{
    public string ToLine() => string.Join('\t', Number.ToString(CultureInfo.InvariantCulture), Tenant, Host, Sha256,
        QueueId.ToString(CultureInfo.InvariantCulture), Duplicate ? "dup" : "new", Status.ToString(CultureInfo.InvariantCulture));

    public static UploadReceiptLine Parse(string line)
    {
        var p = line.Split('\t');
        return new UploadReceiptLine(int.Parse(p[0], CultureInfo.InvariantCulture), p[1], p[2], p[3], long.Parse(p[4], CultureInfo.InvariantCulture), p[5] == "dup",
            int.Parse(p[6], CultureInfo.InvariantCulture));
    }
}
