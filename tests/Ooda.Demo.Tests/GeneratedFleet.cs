using Ooda.Testing;

namespace Ooda.Demo.Tests;

/// <summary>One default-size fleet generated once and shared by a test class.</summary>
public sealed class GeneratedFleet : IDisposable
{
    private readonly TempDirectory _folder = new();

    public GeneratedFleet()
    {
        Fleet = DemoFleetGenerator.Generate(new DemoOptions(_folder.Path));
    }

    public DemoFleet Fleet { get; }

    public string Root => Fleet.OutputFolder;

    public string HostFolder(string tenant, string host) => Path.Combine(Root, "collection", tenant, host);

    public IEnumerable<string> FilesOf(DemoFileKind kind) =>
        Fleet.Files.Where(f => f.Kind == kind).Select(f => Path.Combine(Root, f.RelativePath.Replace('/', Path.DirectorySeparatorChar)));

    public void Dispose() => _folder.Dispose();
}
