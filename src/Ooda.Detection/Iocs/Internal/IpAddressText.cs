using System.Net;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// Strict, allocation-free IP address parsing. IPv4 lives in the IPv4-mapped IPv6 range (<c>::ffff:a.b.c.d</c>) so one
/// 128-bit key serves both families, and <c>::ffff:1.2.3.4</c> in a log is the same address as <c>1.2.3.4</c>.
/// </summary>
internal static class IpAddressText
{
    private const ulong MappedPrefix = 0xFFFF_0000_0000UL;

    /// <summary>True for a dotted-quad IPv4 or an IPv6 address (zone id dropped); v4-mapped IPv6 comes back as IPv4.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 address, out bool isV4)
    {
        if (TryParseV4(text, out var v4))
        {
            address = Mapped(v4);
            isV4 = true;
            return true;
        }

        if (TryParseV6(text, out address))
        {
            isV4 = IsMapped(address);
            return true;
        }

        isV4 = false;
        return false;
    }

    public static UInt128 Mapped(uint v4) => new(0, MappedPrefix | v4);

    public static bool IsMapped(UInt128 address) => (ulong)(address >> 64) == 0 && ((ulong)address & 0xFFFF_FFFF_0000_0000UL) == MappedPrefix;

    /// <summary>Four decimal parts of 1–3 digits, each at most 255, without leading zeros; nothing else (no <c>1.2</c>, hex or octal forms).</summary>
    public static bool TryParseV4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        if (text.Length is < 7 or > 15)
            return false;
        var parts = 0;
        var i = 0;
        while (true)
        {
            var part = 0;
            var digits = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                part = (part * 10) + (text[i] - '0');
                digits++;
                i++;
                if (digits > 3)
                    return false;
            }

            // Leading zeros are refused: some parsers read them as octal, so the address would be ambiguous.
            if (digits == 0 || part > 255 || (digits > 1 && text[i - digits] == '0'))
                return false;
            value = (value << 8) | (uint)part;
            parts++;
            if (parts == 4)
                return i == text.Length;
            if (i >= text.Length || text[i] != '.')
                return false;
            i++;
        }
    }

    /// <summary>RFC 4291 text: eight groups, one <c>::</c>, an optional dotted IPv4 tail and an optional <c>%zone</c>.</summary>
    public static bool TryParseV6(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = 0;
        var zone = text.IndexOf('%');
        if (zone >= 0)
            text = text[..zone];
        if (text.Length is < 2 or > 45)
            return false;
        Span<ushort> groups = stackalloc ushort[8];
        var count = 0;
        var gap = -1;
        var i = 0;
        if (text[0] == ':')
        {
            if (text[1] != ':')
                return false;
            gap = 0;
            i = 2;
        }

        while (i < text.Length)
        {
            var start = i;
            var group = 0;
            while (i < text.Length && HexValue(text[i]) is var h && h >= 0)
            {
                group = (group << 4) | h;
                i++;
            }

            if (i < text.Length && text[i] == '.')
            {
                // Dotted IPv4 tail takes the last two groups.
                if (count > 6 || !TryParseV4(text[start..], out var tail))
                    return false;
                groups[count++] = (ushort)(tail >> 16);
                groups[count++] = (ushort)tail;
                i = text.Length;
                break;
            }

            var digits = i - start;
            if (digits is 0 or > 4 || count == 8)
                return false;
            groups[count++] = (ushort)group;
            if (i == text.Length)
                break;
            if (text[i] != ':')
                return false;
            i++;
            if (i < text.Length && text[i] == ':')
            {
                if (gap >= 0)
                    return false;
                gap = count;
                i++;
            }
            else if (i == text.Length)
            {
                return false;
            }
        }

        if (gap < 0 ? count != 8 : count > 7)
            return false;
        UInt128 result = 0;
        var zeros = gap < 0 ? 0 : 8 - count;
        for (var g = 0; g < count; g++)
        {
            if (g == gap)
                result <<= 16 * zeros;
            result = (result << 16) | groups[g];
        }

        if (gap == count)
            result <<= 16 * zeros;
        value = result;
        return true;
    }

    /// <summary>Canonical text: dotted IPv4, or RFC 5952 IPv6.</summary>
    public static string Format(UInt128 address)
    {
        if (IsMapped(address))
        {
            var v4 = (uint)address;
            return $"{v4 >> 24}.{(v4 >> 16) & 0xFF}.{(v4 >> 8) & 0xFF}.{v4 & 0xFF}";
        }

        Span<byte> bytes = stackalloc byte[16];
        for (var b = 0; b < 16; b++)
            bytes[b] = (byte)(address >> (8 * (15 - b)));
        return new IPAddress(bytes).ToString();
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
