using Ooda.Sigma;

namespace Ooda.Cli.Commands;

/// <summary>Loads a rule set the way every Sigma command does, turning bad input into exit code 2.</summary>
internal static class SigmaRuleOptions
{
    public static SigmaRuleSet Load(string path, string? mapping)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new InputException($"no Sigma rule file or folder at {path}");
        var options = SigmaCompileOptions.Default with { RuleCacheDirectory = CacheDirectory() };
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

    /// <summary>
    /// Where parsed rule files are cached: $OODA_CACHE ("off" for nowhere), else $XDG_CACHE_HOME/ooda, else ~/.cache/ooda;
    /// null when there is no home to put it in.
    /// </summary>
    public static string? CacheDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("OODA_CACHE");
        if (!string.IsNullOrEmpty(configured))
            return string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase) ? null : configured;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg))
            return Path.Combine(xdg, "ooda");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "ooda");
    }
}
