using System.Globalization;

namespace Ooda.Knowledge;

/// <summary>
/// An Exchange version <c>Major.Minor.Build.Revision</c>. <c>Major.Minor.Build</c> names the CU line; the revision names the
/// security update within it and is null when the source only tells the CU (an OWA <c>/owa/auth/15.2.858/</c> path,
/// <c>AdminDisplayVersion</c>).
/// </summary>
public readonly partial record struct ExchangeBuild(int Major, int Minor, int Build, int? Revision) : IComparable<ExchangeBuild>
{
    /// <summary>True when the revision is known, so the SU level can be decided.</summary>
    public bool HasRevision => Revision.HasValue;

    /// <summary>The same CU line without the revision.</summary>
    public ExchangeBuild CuLine => this with { Revision = null };

    /// <summary>True when both builds belong to the same <c>Major.Minor.Build</c> line.</summary>
    public bool SameCuLine(ExchangeBuild other) => Major == other.Major && Minor == other.Minor && Build == other.Build;

    /// <summary>Orders by each component as an integer; an unknown revision sorts before every known one.</summary>
    public int CompareTo(ExchangeBuild other)
    {
        var c = Major.CompareTo(other.Major);
        if (c == 0)
            c = Minor.CompareTo(other.Minor);
        if (c == 0)
            c = Build.CompareTo(other.Build);
        return c != 0 ? c : (Revision ?? -1).CompareTo(other.Revision ?? -1);
    }

    public static bool operator <(ExchangeBuild left, ExchangeBuild right) => left.CompareTo(right) < 0;

    public static bool operator >(ExchangeBuild left, ExchangeBuild right) => left.CompareTo(right) > 0;

    public static bool operator <=(ExchangeBuild left, ExchangeBuild right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ExchangeBuild left, ExchangeBuild right) => left.CompareTo(right) >= 0;

    /// <summary>The short form, <c>15.2.858.5</c> or <c>15.2.858</c>.</summary>
    public override string ToString() => Revision is { } revision
        ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Build}.{revision}")
        : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Build}");
}
