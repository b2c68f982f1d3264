using System.Globalization;

namespace Ooda.Detection.Yara.Internal;

/// <summary>Names for the libyara error codes (yara/error.h) a caller can meet at run time.</summary>
internal static class YaraErrors
{
    public const int InsufficientMemory = 1;
    public const int CouldNotOpenFile = 3;
    public const int CouldNotMapFile = 4;
    public const int ScanTimeout = 26;
    public const int CallbackError = 28;
    public const int InvalidArgument = 29;
    public const int TooManyMatches = 30;

    public static string Describe(int code) => code switch
    {
        InsufficientMemory => "insufficient memory (1)",
        CouldNotOpenFile => "could not open file (3)",
        CouldNotMapFile => "could not map file (4)",
        ScanTimeout => "scan timed out (26)",
        CallbackError => "callback error (28)",
        InvalidArgument => "invalid argument (29)",
        TooManyMatches => "too many matches (30)",
        _ => "libyara error " + code.ToString(CultureInfo.InvariantCulture),
    };
}
