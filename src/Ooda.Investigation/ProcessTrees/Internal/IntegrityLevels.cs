namespace Ooda.Investigation.ProcessTrees.Internal;

/// <summary>4688's MandatoryLabel SIDs as the integrity level names Sysmon writes.</summary>
internal static class IntegrityLevels
{
    // Well-known mandatory label SIDs (MS-DTYP §2.4.2.4).
    public static string? Name(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "-" => null,
        "S-1-16-0" => "Untrusted",
        "S-1-16-4096" => "Low",
        "S-1-16-8192" => "Medium",
        "S-1-16-8448" => "MediumPlus",
        "S-1-16-12288" => "High",
        "S-1-16-16384" => "System",
        "S-1-16-20480" => "Protected",
        _ => value,
    };
}
