using Ooda.Core;
using Ooda.Detection.Yara.Internal;

namespace Ooda.Detection.Yara;

/// <summary>
/// Compiles YARA rule files so that one bad file never costs the others: each file is compiled alone first to find the
/// failures, then the good ones are compiled together, each in its own namespace.
/// </summary>
public static class YaraCompiler
{
    /// <summary>Rule files larger than this are skipped (signature-base's largest is well under 2 MiB).</summary>
    public const int MaxRuleFileBytes = 16 << 20;

    private static readonly string[] _extensions = [".yar", ".yara"];

    /// <summary>Compiles every <c>*.yar</c> and <c>*.yara</c> file under <paramref name="path"/> (a folder or one file).</summary>
    /// <exception cref="YaraException">libyara is unavailable (<see cref="YaraEngine.UnavailableReason"/>).</exception>
    public static YaraCompileResult CompileFolder(string path, YaraExternals defaults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        YaraEngine.EnsureAvailable();
        var files = File.Exists(path) ? [Path.GetFullPath(path)] : RuleFiles(path);
        var root = File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : Path.GetFullPath(path);
        var sources = new List<YaraSource>();
        var skipped = new List<YaraFileVerdict>();
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var ns = relative[..^Path.GetExtension(relative).Length];
            if (!namespaces.Add(ns))
                namespaces.Add(ns = relative);
            var (text, problem) = Read(file);
            if (text is null)
                skipped.Add(new YaraFileVerdict(file, YaraFileStatus.Skipped, 0, problem, [new Diagnostic(file, "", problem)]));
            else
                sources.Add(new YaraSource(file, ns, text));
        }

        var result = CompileSources(sources, defaults, cancellationToken);
        if (skipped.Count == 0)
            return result;
        var all = result.Files.Concat(skipped).OrderBy(v => v.File, StringComparer.Ordinal).ToList();
        return result with { Files = all };
    }

    /// <summary>Compiles the given sources; every source gets a verdict, in the order given.</summary>
    /// <exception cref="YaraException">libyara is unavailable (<see cref="YaraEngine.UnavailableReason"/>).</exception>
    public static YaraCompileResult CompileSources(IReadOnlyList<YaraSource> sources, YaraExternals defaults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(defaults);
        YaraEngine.EnsureAvailable();
        return Compile(sources, defaults, cancellationToken);
    }

    /// <summary>The compile itself, without the availability check (the self-check uses it while probing).</summary>
    internal static YaraCompileResult Compile(IReadOnlyList<YaraSource> sources, YaraExternals defaults, CancellationToken cancellationToken)
    {
        // One lease for the whole run: otherwise every per-file compiler would initialize and finalize libyara (and its modules).
        YaraRuntime.Acquire();
        try
        {
            return CompileLeased(sources, defaults, cancellationToken);
        }
        finally
        {
            YaraRuntime.Release();
        }
    }

    private static YaraCompileResult CompileLeased(IReadOnlyList<YaraSource> sources, YaraExternals defaults, CancellationToken cancellationToken)
    {
        var verdicts = new YaraFileVerdict?[sources.Count];
        var messages = new List<Diagnostic>[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var alone = new NativeCompiler(defaults);
            messages[i] = alone.Add(sources[i]);
            if (alone.HasErrors)
                verdicts[i] = Failed(sources[i].Name, messages[i], "");
        }

        var good = Enumerable.Range(0, sources.Count).Where(i => verdicts[i] is null).ToList();
        YaraRules? rules = null;
        while (good.Count > 0 && rules is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var together = new NativeCompiler(defaults);
            var culprit = -1;
            foreach (var i in good)
            {
                var added = together.Add(sources[i]);
                if (together.HasErrors)
                {
                    // Compiled alone but not beside the others: leave it out and start again without it.
                    culprit = i;
                    verdicts[i] = Failed(sources[i].Name, added, "fails when compiled together with the other files: ");
                    break;
                }
            }

            if (culprit >= 0)
                good.Remove(culprit);
            else
                rules = new YaraRules(together.GetRules());
        }

        var counts = rules?.CountByNamespace() ?? [];
        for (var i = 0; i < sources.Count; i++)
        {
            verdicts[i] ??= new YaraFileVerdict(
                sources[i].Name, YaraFileStatus.Compiled, counts.GetValueOrDefault(sources[i].Namespace), "", messages[i]);
        }

        return new YaraCompileResult(rules, verdicts!);
    }

    private static YaraFileVerdict Failed(string name, List<Diagnostic> messages, string prefix)
    {
        var error = messages.FirstOrDefault(m => m.Severity == DiagnosticSeverity.Error)
            ?? new Diagnostic(name, "", "libyara reported an error without a message");
        return new YaraFileVerdict(name, YaraFileStatus.Failed, 0, prefix + Explain(error), messages);
    }

    /// <summary>The first error in words a hunter can act on: a missing module or external gets named as such.</summary>
    internal static string Explain(Diagnostic error)
    {
        var message = error.Message;
        var where = error.Location.Length > 0 ? $"line {error.Location}: " : "";
        var quoted = Quoted(message);
        if (message.StartsWith("unknown module", StringComparison.Ordinal))
            return $"{where}needs the YARA module {quoted}, which this libyara does not have ({message})";
        if (message.StartsWith("undefined identifier", StringComparison.Ordinal))
        {
            return $"{where}uses {quoted}, which is not a rule, module or one of the LOKI externals we define "
                + $"({string.Join(", ", YaraExternals.Names)}): likely a THOR-only external variable ({message})";
        }

        if (message.Contains("include", StringComparison.OrdinalIgnoreCase))
            return $"{where}include directives are not followed; rule folders are compiled file by file ({message})";
        return where + message;
    }

    private static string Quoted(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        return end > start ? message[start..(end + 1)] : "";
    }

    private static List<string> RuleFiles(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"YARA rule folder not found: {folder}");
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            MaxRecursionDepth = 16,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
            MatchCasing = MatchCasing.CaseInsensitive,
        };
        return Directory.EnumerateFiles(Path.GetFullPath(folder), "*", options)
            .Where(f => _extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static (byte[]? Text, string Problem) Read(string file)
    {
        try
        {
            var length = new FileInfo(file).Length;
            if (length > MaxRuleFileBytes)
                return (null, $"skipped: {length} bytes is larger than the {MaxRuleFileBytes >> 20} MiB limit for a rule file");
            var text = File.ReadAllBytes(file);
            var nul = Array.IndexOf(text, (byte)0);
            return nul >= 0 ? (null, $"skipped: NUL byte at offset 0x{nul:x}; YARA rule files are text") : (text, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "skipped: cannot read: " + e.Message);
        }
    }
}
