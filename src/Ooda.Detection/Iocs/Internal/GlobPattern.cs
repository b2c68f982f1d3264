namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// A path glob: <c>*</c> any run within one folder, <c>**</c> any run across folders, <c>?</c> one character other than a
/// separator; case-insensitive, <c>/</c> and <c>\</c> alike. A glob without a separator is matched against the file name
/// alone. Matching simulates the glob as a set of positions (no backtracking), so time is bounded by text × glob length.
/// </summary>
internal sealed class GlobPattern
{
    private const char AnyOne = '\uE000';
    private const char AnyInFolder = '\uE001';
    private const char AnyAcross = '\uE002';

    private readonly char[] _tokens;

    private GlobPattern(char[] tokens, bool fileNameOnly, string? requiredLiteral)
    {
        _tokens = tokens;
        FileNameOnly = fileNameOnly;
        RequiredLiteral = requiredLiteral;
    }

    /// <summary>True when the glob has no separator and is matched against the last path component.</summary>
    public bool FileNameOnly { get; }

    /// <summary>The longest run of literal characters (folded for paths), which every matching path contains; null for none.</summary>
    public string? RequiredLiteral { get; }

    public static GlobPattern Parse(string glob)
    {
        var tokens = new List<char>(glob.Length);
        var fileNameOnly = true;
        string? best = null;
        var run = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*')
            {
                var across = i + 1 < glob.Length && glob[i + 1] == '*';
                while (i + 1 < glob.Length && glob[i + 1] == '*')
                    i++;
                tokens.Add(across ? AnyAcross : AnyInFolder);
                EndRun();
                continue;
            }

            if (c == '?')
            {
                tokens.Add(AnyOne);
                EndRun();
                continue;
            }

            var folded = CharFolding.Fold(c, CharFold.SlashToBackslash);
            if (folded == '\\')
                fileNameOnly = false;
            tokens.Add(folded);
            run.Append(folded);
        }

        EndRun();
        return new GlobPattern([.. tokens], fileNameOnly, best);

        void EndRun()
        {
            if (run.Length > (best?.Length ?? 0))
                best = run.ToString();
            run.Clear();
        }
    }

    /// <summary>True when the whole path (or its file name, for a glob without separators) matches.</summary>
    public bool IsMatch(ReadOnlySpan<char> path)
    {
        if (FileNameOnly)
        {
            var cut = path.LastIndexOfAny('\\', '/');
            path = path[(cut + 1)..];
        }

        var tokens = _tokens;
        var width = tokens.Length + 1;
        Span<bool> current = width <= 512 ? stackalloc bool[width] : new bool[width];
        Span<bool> next = width <= 512 ? stackalloc bool[width] : new bool[width];
        current[0] = true;
        Close(current);
        foreach (var raw in path)
        {
            var c = CharFolding.Fold(raw, CharFold.SlashToBackslash);
            next.Clear();
            var any = false;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (!current[i])
                    continue;
                var token = tokens[i];
                switch (token)
                {
                    case AnyAcross:
                        next[i] = any = true;
                        break;
                    case AnyInFolder when c != '\\':
                        next[i] = any = true;
                        break;
                    case AnyOne when c != '\\':
                        next[i + 1] = any = true;
                        break;
                    default:
                        if (token == c)
                            next[i + 1] = any = true;
                        break;
                }
            }

            if (!any)
                return false;
            Close(next);
            var swap = current;
            current = next;
            next = swap;
        }

        return current[tokens.Length];

        // A star may match nothing: whoever stands before one also stands after it.
        void Close(Span<bool> positions)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                if (positions[i] && tokens[i] is AnyAcross or AnyInFolder)
                    positions[i + 1] = true;
            }
        }
    }
}
