namespace Ooda.Detection;

/// <summary>IOC matching, YARA scanning, webshell checks and runbooks: the detection feature beside Sigma.</summary>
internal static class AssemblyMarker;
