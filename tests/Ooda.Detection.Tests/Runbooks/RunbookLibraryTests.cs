using Ooda.Detection.Runbooks;
using Ooda.Testing;

namespace Ooda.Detection.Tests.Runbooks;

public sealed class RunbookLibraryTests
{
    [Fact]
    public void Ships_built_in_runbooks_that_all_load()
    {
        var builtIn = RunbookLibrary.BuiltIn();
        Assert.NotEmpty(builtIn);
        Assert.All(builtIn, r => Assert.True(r.Runbook is not null, string.Join("; ", r.Errors)));
        Assert.Contains(builtIn, r => r.Runbook!.Id == "proxyshell");
    }

    [Fact]
    public void A_team_folder_adds_versions_and_the_newest_wins()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "proxyshell@9.0.0.yml"), RunbookText.Minimal("proxyshell", "9.0.0"));
        File.WriteAllText(Path.Combine(folder.Path, "demo-threat.yml"), RunbookText.Minimal());
        var library = RunbookLibrary.Load([folder.Path]);
        Assert.Empty(library.Errors);
        Assert.Equal("9.0.0", library.Find("proxyshell")!.Version.ToString());
        Assert.Equal("builtin:proxyshell.yml", library.Find("proxyshell@1.0.0")!.SourcePath);
        Assert.NotNull(library.Find("demo-threat"));
        Assert.Null(library.Find("proxyshell@3.0.0"));
        Assert.Null(library.Find("nothing"));
    }

    [Fact]
    public void A_team_version_with_the_same_number_replaces_the_built_in()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "proxyshell.yml"), RunbookText.Minimal("proxyshell", "1.0.0"));
        var library = RunbookLibrary.Load([folder.Path]);
        Assert.Equal("A demo threat", library.Find("proxyshell@1.0.0")!.Title);
    }

    [Fact]
    public void Reports_a_file_whose_name_disagrees_with_its_content()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "other.yml"), RunbookText.Minimal());
        File.WriteAllText(Path.Combine(folder.Path, "demo-threat@2.0.0.yml"), RunbookText.Minimal());
        var library = RunbookLibrary.Load([folder.Path], includeBuiltIn: false);
        Assert.Equal(2, library.Errors.Count);
        Assert.Empty(library.Latest);
    }
}
