namespace Ooda.Testing;

/// <summary>Locates the checkout (the folder holding <c>Ooda.slnx</c>) from the test assembly's folder.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ooda.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"Ooda.slnx not found above {AppContext.BaseDirectory}");
    }
}
