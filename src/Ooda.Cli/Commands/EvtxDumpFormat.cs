namespace Ooda.Cli.Commands;

/// <summary>What <c>ooda evtx dump</c> prints.</summary>
public enum EvtxDumpFormat
{
    JsonLines,
    Json,
    Xml,
}
