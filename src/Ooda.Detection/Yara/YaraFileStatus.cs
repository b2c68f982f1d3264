namespace Ooda.Detection.Yara;

public enum YaraFileStatus
{
    /// <summary>Its rules are in the compiled set.</summary>
    Compiled,

    /// <summary>libyara rejected it; its rules are left out and the other files are unaffected.</summary>
    Failed,

    /// <summary>Not given to libyara (too large, unreadable or holding a NUL byte).</summary>
    Skipped,
}
