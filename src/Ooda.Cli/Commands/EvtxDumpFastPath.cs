namespace Ooda.Cli.Commands;

/// <summary>
/// Recognises <c>evtx dump</c> with plain, valid arguments (one existing file; <c>--format</c>/<c>-f</c> jsonl|json|xml,
/// <c>--threads</c> N ≥ 1, <c>--recover</c>, each at most once) so that it runs without building the command tree,
/// which costs more than parsing a small log. Anything else — help, other spellings, bad values — goes to Spectre,
/// which parses it and reports errors exactly as before.
/// </summary>
internal static class EvtxDumpFastPath
{
    public static EvtxDumpSettings? TryParse(string[] args)
    {
        if (args.Length < 3 || args[0] != "evtx" || args[1] != "dump")
            return null;
        string? file = null, format = null;
        int? threads = null;
        var recover = false;
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--format" or "-f" when format is null && i + 1 < args.Length && IsFormat(args[i + 1]):
                    format = args[++i];
                    break;
                case "--threads" when threads is null && i + 1 < args.Length && IsCount(args[i + 1], out var count):
                    threads = count;
                    i++;
                    break;
                case "--recover" when !recover:
                    recover = true;
                    break;
                default:
                    // A flag may take a true/false value; leave such spellings to Spectre.
                    if (file is not null || arg.Length == 0 || arg[0] == '-' || arg.Equals("true", StringComparison.OrdinalIgnoreCase)
                        || arg.Equals("false", StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }

                    file = arg;
                    break;
            }
        }

        if (file is null || !File.Exists(file))
            return null;
        return new EvtxDumpSettings { File = file, Format = format ?? "jsonl", Recover = recover, Threads = threads };
    }

    private static bool IsFormat(string value) =>
        value.ToUpperInvariant() is "JSONL" or "JSON" or "XML";

    private static bool IsCount(string value, out int count)
    {
        count = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) && count >= 1;
    }
}
