using Ooda.Detection.Runbooks;

namespace Ooda.Cli.Commands;

/// <summary>Loads the runbook library the way every runbook command does: built-ins plus team folders, bad folders as exit code 2.</summary>
internal static class RunbookLibraryOptions
{
    public static RunbookLibrary Load(IReadOnlyList<string> folders)
    {
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder) && !File.Exists(folder))
                throw new InputException($"--runbooks: no runbook folder at {folder}");
        }

        return RunbookLibrary.Load(folders);
    }

    /// <summary>The runbooks named (id or id@version), or all newest versions; an unknown name is bad input.</summary>
    public static IReadOnlyList<Runbook> Select(RunbookLibrary library, IReadOnlyList<string> references, bool all)
    {
        if (all)
            return library.Latest;
        var selected = new List<Runbook>();
        foreach (var reference in references)
        {
            var runbook = library.Find(reference)
                ?? throw new InputException($"no runbook '{reference}'; known: {string.Join(", ", library.Latest.Select(r => r.Reference))}"
                    + (library.Errors.Count > 0 ? $" ({library.Errors.Count} runbook files have errors: ooda runbook validate)" : string.Empty));
            selected.Add(runbook);
        }

        return selected;
    }
}
