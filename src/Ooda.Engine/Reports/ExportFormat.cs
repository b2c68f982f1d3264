namespace Ooda.Engine.Reports;

/// <summary>Machine exports of a case: STIX 2.1 bundle, ATT&amp;CK Navigator layer, Timesketch CSV, MISP event JSON.</summary>
public enum ExportFormat
{
    Stix,
    Navigator,
    Timesketch,
    Misp,
}
