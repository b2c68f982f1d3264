namespace Ooda.Engine.Triage.Internal;

/// <summary>Which of the exposure sentences applies to a host; see <see cref="HostExposure"/>.</summary>
internal enum ExposureKind : byte
{
    NoPublicIp,
    NotAnAddress,
    NoScan,
    NotCovered,
    NoAnswer,
    NotScanned,
    OpenFiltered,
    Open,
    Answered,
}
