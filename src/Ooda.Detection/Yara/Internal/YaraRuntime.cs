using System.Reflection;
using System.Runtime.InteropServices;

namespace Ooda.Detection.Yara.Internal;

/// <summary>
/// Loads libyara once per process and keeps <c>yr_initialize</c>/<c>yr_finalize</c> balanced: libyara counts them itself
/// but without a lock, so every compiler, rule set and scanner takes a lease here and the last one out finalizes.
/// </summary>
internal static class YaraRuntime
{
    /// <summary>Debian's libyara9 is YARA 4.2.x, the ABI <see cref="YaraLayout"/> describes; the unversioned name is the -dev symlink.</summary>
    private static readonly string[] _candidates = OperatingSystem.IsWindows() ? ["yara.dll", "libyara.dll"]
        : OperatingSystem.IsMacOS() ? ["libyara.9.dylib", "libyara.dylib"]
        : ["libyara.so.9", "libyara.so"];

    // Process-wide by nature: the native library and its init count exist once per process.
    private static readonly Lock _gate = new();
    private static readonly Lazy<(nint Handle, string Path, string Error)> _library = new(Load);
    private static int _leases;

    /// <summary>The name libyara was loaded under, or empty.</summary>
    public static string LibraryPath => _library.Value.Path;

    /// <summary>Why libyara could not be loaded; empty when it was.</summary>
    public static string LoadError => _library.Value.Error;

    /// <summary>Leases currently held (compilers, rule sets and scanners alive); back to its old value when nothing leaks.</summary>
    public static int Leases
    {
        get
        {
            lock (_gate)
                return _leases;
        }
    }

    /// <summary>Initializes libyara on the first lease.</summary>
    public static void Acquire()
    {
        lock (_gate)
        {
            if (_leases == 0)
            {
                var rc = LibYara.Initialize();
                if (rc != LibYara.Success)
                    throw new YaraException($"yr_initialize failed: {YaraErrors.Describe(rc)}");
            }

            _leases++;
        }
    }

    /// <summary>Finalizes libyara when the last lease is returned.</summary>
    public static void Release()
    {
        lock (_gate)
        {
            if (_leases == 0)
                return;
            _leases--;
            if (_leases == 0)
                LibYara.FinalizeLibrary();
        }
    }

    /// <summary>The first candidate that loads and exports the scanner API, or the reason none did.</summary>
    internal static (nint Handle, string Path, string Error) Find(IReadOnlyList<string> candidates)
    {
        foreach (var name in candidates)
        {
            if (!NativeLibrary.TryLoad(name, typeof(YaraRuntime).Assembly, DllImportSearchPath.SafeDirectories, out var handle))
                continue;
            if (NativeLibrary.TryGetExport(handle, "yr_scanner_scan_mem", out _))
                return (handle, name, "");
            NativeLibrary.Free(handle);
        }

        return (0, "", $"libyara not found: install Debian package libyara9 (tried {string.Join(", ", candidates)})");
    }

    private static (nint, string, string) Load()
    {
        var found = Find(_candidates);
        if (found.Handle == 0)
            return found;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(YaraRuntime).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            return (0, "", "libyara was found but the assembly already has another native library resolver");
        }

        return found;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibYara.LibraryName ? _library.Value.Handle : 0;
}
