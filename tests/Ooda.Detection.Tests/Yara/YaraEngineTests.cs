using Ooda.Detection.Tests.Yara.Support;
using Ooda.Detection.Yara;
using Ooda.Detection.Yara.Internal;

namespace Ooda.Detection.Tests.Yara;

public sealed class YaraEngineTests
{
    [SkippableFact]
    public void Loads_libyara_9_and_passes_the_layout_self_check()
    {
        YaraTest.RequireLibrary();
        Assert.True(YaraEngine.IsAvailable);
        Assert.Equal("", YaraEngine.UnavailableReason);
        Assert.StartsWith("libyara", YaraEngine.LibraryName, StringComparison.Ordinal);
        Assert.Equal("", YaraSelfCheck.Run());
    }

    [Fact]
    public void Unavailability_always_comes_with_a_reason()
    {
        if (!YaraEngine.IsAvailable)
        {
            Assert.NotEqual("", YaraEngine.UnavailableReason);
            var error = Assert.Throws<YaraException>(YaraEngine.EnsureAvailable);
            Assert.Equal(YaraEngine.UnavailableReason, error.Message);
            Assert.Throws<YaraException>(() => YaraCompiler.CompileSources([], YaraExternals.None));
        }
        else
        {
            YaraEngine.EnsureAvailable();
        }
    }

    [Fact]
    public void A_missing_library_is_reported_with_how_to_install_it()
    {
        var (handle, path, error) = YaraRuntime.Find(["libooda-missing.so.1", "libooda-missing.so"]);
        Assert.Equal((0, ""), (handle, path));
        Assert.Equal("libyara not found: install Debian package libyara9 (tried libooda-missing.so.1, libooda-missing.so)", error);
    }

    [SkippableFact]
    public void A_library_without_the_yara_api_is_not_taken_for_libyara()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "uses glibc as the wrong library");
        var (handle, _, error) = YaraRuntime.Find(["libc.so.6"]);
        Assert.Equal(0, handle);
        Assert.StartsWith("libyara not found", error, StringComparison.Ordinal);
    }
}
