namespace Ooda.Demo;

/// <summary>What a generated file holds.</summary>
public enum DemoFileKind
{
    Inventory,
    NmapXml,
    IisW3c,
    HttpProxy,
    EventJsonLines,
    CapturedFile,
}
