namespace Ooda.Detection.Runbooks;

/// <summary>How a hunt step runs.</summary>
public enum RunbookHuntKind
{
    /// <summary>A Sigma rule written inline in the runbook.</summary>
    Sigma,

    /// <summary>A Sigma rule referenced by its id, taken from the rule folders the hunt is given.</summary>
    SigmaReference,

    /// <summary>A read-only SQL query over the workspace store.</summary>
    Sql,

    /// <summary>YARA rules run over captured files.</summary>
    Yara,

    /// <summary>Built-in file checks over captured files (webshell checks).</summary>
    FileCheck,

    /// <summary>The runbook's IOCs matched over events and captured files.</summary>
    Iocs,
}
