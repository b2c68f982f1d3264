using System.Globalization;

namespace Ooda.Formats.Text.Internal;

/// <summary>Human sizes for diagnostics: <c>1 MiB</c>, <c>64 KiB</c>, <c>100 bytes</c>.</summary>
internal static class ByteSize
{
    public static string Format(long bytes) =>
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB")
        : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
