namespace Ooda.Engine.Probe.Internal;

/// <summary>Response headers Exchange front ends add (exchange-facts.md §1, "Where the build can be read").</summary>
internal static class ExchangeHeaders
{
    public const string OwaVersion = "X-OWA-Version";
    public const string FrontEndServer = "X-FEServer";
    public const string BackEndServer = "X-BEServer";
    public const string CalculatedBackEnd = "X-CalculatedBETarget";

    /// <summary>Headers that leak internal server names.</summary>
    public static readonly string[] ServerNames = [FrontEndServer, BackEndServer, CalculatedBackEnd];
}
