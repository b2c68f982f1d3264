using System.Globalization;

namespace Ooda.Detection.Runbooks;

/// <summary>A semantic version <c>MAJOR.MINOR.PATCH</c>, ordered numerically (1.10.0 after 1.9.0).</summary>
public readonly record struct RunbookVersion(int Major, int Minor, int Patch) : IComparable<RunbookVersion>
{
    public static bool TryParse(string? text, out RunbookVersion version)
    {
        version = default;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 3 })
            return false;
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            // No signs, no leading zeros (semver §2), no overflow.
            var part = parts[i];
            if (part.Length == 0 || part.Length > 9 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
                return false;
            numbers[i] = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        version = new RunbookVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public static RunbookVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a semantic version MAJOR.MINOR.PATCH");

    /// <summary>The next minor version: what learning from a case produces (new IOCs and hunts, nothing removed).</summary>
    public RunbookVersion NextMinor() => new(Major, Minor + 1, 0);

    public int CompareTo(RunbookVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c == 0)
            c = Minor.CompareTo(other.Minor);
        return c == 0 ? Patch.CompareTo(other.Patch) : c;
    }

    public static bool operator <(RunbookVersion left, RunbookVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(RunbookVersion left, RunbookVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(RunbookVersion left, RunbookVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RunbookVersion left, RunbookVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}
