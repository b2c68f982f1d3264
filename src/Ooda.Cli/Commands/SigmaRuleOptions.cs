using Ooda.Sigma;

namespace Ooda.Cli.Commands;

/// <summary>Loads a rule set the way every Sigma command does, turning bad input into exit code 2.</summary>
internal static class SigmaRuleOptions
{
    public static SigmaRuleSet Load(string path, string? mapping)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new InputException($"no Sigma rule file or folder at {path}");
        var options = SigmaCompileOptions.Default;
        if (mapping is not null)
        {
            try
            {
                options = options with { Mapping = LogsourceMapping.Load(mapping) };
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new InputException($"--mapping: {e.Message}", e);
            }
        }

        return SigmaRuleSet.Load(path, options);
    }
}
