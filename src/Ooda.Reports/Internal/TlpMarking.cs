namespace Ooda.Reports.Internal;

/// <summary>
/// The TLP 2.0 marking definitions OASIS publishes for STIX 2.1 (cti-stix-common-objects, extension-definition--60a3c5c5-…):
/// fixed ids and a fixed created time, carried verbatim in every bundle that references them.
/// </summary>
internal static class TlpMarking
{
    public const string ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    public const string Created = "2022-10-01T00:00:00.000Z";

    public static string Id(string? tlp) => Tlp.Level(tlp) switch
    {
        "clear" => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        "green" => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        "amber" => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        "amber+strict" => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        _ => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    };
}
