namespace Ooda.Detection.Yara;

/// <summary>The rules compiled from a folder and a verdict for every file in it; disposing it disposes the rules.</summary>
/// <param name="Rules">The compiled rules of every file that compiled, or null when none did.</param>
/// <param name="Files">One verdict per rule file, in path order.</param>
public sealed record YaraCompileResult(YaraRules? Rules, IReadOnlyList<YaraFileVerdict> Files) : IDisposable
{
    public void Dispose() => Rules?.Dispose();
}
