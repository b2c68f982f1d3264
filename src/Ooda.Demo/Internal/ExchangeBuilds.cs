using System.Globalization;

namespace Ooda.Demo.Internal;

internal static class ExchangeBuilds
{
    /// <summary>15.2.858.5 → 15.02.0858.005.</summary>
    public static string ToLong(string build)
    {
        var parts = build.Split('.');
        var major = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minor = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var buildNumber = int.Parse(parts[2], CultureInfo.InvariantCulture);
        var revision = int.Parse(parts[3], CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{major:00}.{minor:00}.{buildNumber:0000}.{revision:000}");
    }

    public static int Part(string build, int index) => int.Parse(build.Split('.')[index], CultureInfo.InvariantCulture);
}
