using Ooda.Detection.Yara.Internal;

namespace Ooda.Detection.Yara;

/// <summary>
/// Whether YARA can be used in this process: libyara (Debian <c>libyara9</c>, YARA 4.2) must load and pass a self-check
/// that proves the structure layout we read. When it cannot, callers carry on without YARA and show <see cref="UnavailableReason"/>.
/// </summary>
public static class YaraEngine
{
    private static readonly Lazy<string> _problem = new(Probe);

    /// <summary>True when libyara loaded and its self-check passed.</summary>
    public static bool IsAvailable => _problem.Value.Length == 0;

    /// <summary>Why YARA is unavailable, e.g. "libyara not found: install Debian package libyara9"; empty when available.</summary>
    public static string UnavailableReason => _problem.Value;

    /// <summary>The library name that was loaded, e.g. <c>libyara.so.9</c>; empty when none was.</summary>
    public static string LibraryName => YaraRuntime.LibraryPath;

    /// <summary>Throws <see cref="YaraException"/> with <see cref="UnavailableReason"/> when YARA cannot be used.</summary>
    public static void EnsureAvailable()
    {
        if (!IsAvailable)
            throw new YaraException(UnavailableReason);
    }

    private static string Probe()
    {
        if (YaraRuntime.LoadError.Length > 0)
            return YaraRuntime.LoadError;
        try
        {
            var failure = YaraSelfCheck.Run();
            return failure.Length == 0 ? "" : $"{YaraRuntime.LibraryPath} failed the self-check ({failure}); YARA 4.2 (libyara9) is required";
        }
        catch (Exception e) when (e is YaraException or DllNotFoundException or EntryPointNotFoundException)
        {
            return $"{YaraRuntime.LibraryPath} could not be used: {e.Message}";
        }
    }
}
