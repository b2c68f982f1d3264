namespace Ooda.Detection.Yara;

/// <summary>How a scan ended; matches reported before a timeout are kept.</summary>
public enum YaraScanStatus
{
    Completed,

    /// <summary>The scan ran out of time; the data should be reported as not fully scanned.</summary>
    TimedOut,

    /// <summary>Completed, but some string matched more than libyara's limit and was dropped from the scan.</summary>
    TooManyMatches,
}
