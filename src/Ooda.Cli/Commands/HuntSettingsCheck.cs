using Ooda.Engine.Hunt;

namespace Ooda.Cli.Commands;

/// <summary>The checks every kind of hunt makes of its options before reading anything, as exit-code-2 errors.</summary>
internal static class HuntSettingsCheck
{
    public static void Validate(HuntSettings settings)
    {
        if (settings.Store == settings.Paths.Length > 0)
            throw new InputException("give evidence paths or --store, not both and not neither");
        if (settings.MinLevel is not null && HuntService.LevelRank(settings.MinLevel) < 0)
            throw new InputException($"--min-level: '{settings.MinLevel}' is not informational, low, medium, high or critical");
        if (settings.FailOn is not null && HuntService.LevelRank(settings.FailOn) < 0)
            throw new InputException($"--fail-on: '{settings.FailOn}' is not informational, low, medium, high or critical");
        foreach (var path in settings.Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new InputException($"no evidence file or folder at {path}");
        }
    }
}
