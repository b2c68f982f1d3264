namespace Ooda.Response.Tests;

/// <summary>Strings an attacker could plant in evidence to break out of a generated script.</summary>
internal static class Hostile
{
    public static readonly string[] Strings =
    [
        "'; Remove-Item C:\\ -Recurse #",
        "$(calc)",
        "`$(calc)`",
        "x` ; calc",
        "it\u2019s \u2018quoted\u2019 \u201Alow\u201B",
        "\u2019; Start-Process calc; \u2018",
        "line one\nRemove-Item C:\\ -Recurse\r\n# done",
        "\u001b[31mred\u001b[0m",
        "\u001b]0;title\u0007",
        "\" ; calc ; \"",
        "@' here '@",
        "<# block #> calc",
        "a\u2028b\u2029c\u0085d",
        "\u0000nul",
        "lone \ud800 surrogate",
        "emoji 😀 ok",
        "invoice\u202Egnp.exe \u2066hidden\u2069",
        "",
        "''''",
        "C:\\inetpub\\wwwroot\\aspnet_client\\'+(iex 'calc')+'.aspx",

        // UTF-8 of U+0111 is C4 91; read as cp1252 (Windows PowerShell 5.1 without a BOM) that is "Ä‘", and U+2018 is a quote.
        "x\u0111; calc; #",
        "\u0430\u0434\u043C\u0438\u043D'; calc; #",
        "x\u2019; calc; #",
    ];

    public static TheoryData<string> Data()
    {
        var data = new TheoryData<string>();
        foreach (var s in Strings)
            data.Add(s);
        return data;
    }

    /// <summary>The non-empty ones: an empty value means "not given" to the script generator, which then takes another branch.</summary>
    public static TheoryData<string> Present()
    {
        var data = new TheoryData<string>();
        foreach (var s in Strings.Where(s => s.Length > 0))
            data.Add(s);
        return data;
    }
}
