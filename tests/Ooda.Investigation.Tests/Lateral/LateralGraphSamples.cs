using Ooda.Core;
using Ooda.Investigation.Lateral;

namespace Ooda.Investigation.Tests.Lateral;

/// <summary>Hand-built graphs for the renderers: one ordinary, one whose hosts, accounts and evidence are hostile.</summary>
internal static class LateralGraphSamples
{
    public const string HostileHost = "evil\"];\n<script>alert(1)</script>&\\N\u0007\u202e";
    public const string HostileAccount = "ACME\\a\"d\\m<b>&amp;\r\n\u001b[31m";

    private static readonly DateTime _t = new(2021, 8, 7, 4, 12, 16, 250, DateTimeKind.Utc);

    public static LateralGraph Ordinary() => Graph("acme-ex01", "acme-dc01", @"ACME\adm-ibaker", "PSEXESVC installed");

    public static LateralGraph Hostile() => Graph(HostileHost, "acme-dc01", HostileAccount, "service <img src=x onerror=alert(1)> \"quoted\" \u0000 installed");

    private static LateralGraph Graph(string source, string target, string account, string summary)
    {
        var evidence = new LateralEvidence(_t, target, "System 7045", summary, 42, new Provenance("dc01/System.evtx", new string('b', 64), 0x1a2b, 0));
        var suspicious = new LateralEdge(source, target, account, [LateralTechniques.SmbAdminShares, LateralTechniques.ServiceExecution], _t, _t.AddSeconds(1), 3, 1,
            true, [new LateralReason(LateralReasons.Execution, true, "PsExec-style service " + summary), new LateralReason(LateralReasons.Rare, true, "rare")],
            [@"C:\Windows\Temp\ps.exe"], [evidence]);
        var routine = new LateralEdge("10.0.5.50", target, "ACME\\bob", [LateralTechniques.ValidAccounts], _t.AddHours(-2), _t.AddHours(-1), 40, 21, false,
            [new LateralReason(LateralReasons.Frequent, false, "seen on 21 days"), new LateralReason(LateralReasons.NoArtefacts, false, "no execution artefacts")],
            [], [evidence with { Source = "Security 4624", Summary = "network logon" }]);
        return new LateralGraph("acme", _t.AddDays(-1), null, [source],
            [
                new LateralNode("10.0.5.50", false, false, false, null, []),
                new LateralNode(target, true, false, true, 1, ["10.10.1.10"]),
                new LateralNode(source, true, true, false, 0, []),
            ],
            [suspicious, routine],
            [new LateralReach(target, 1, source, account, suspicious.Techniques, _t, "PsExec-style service")],
            [evidence with { Host = "acme-fs01" }]);
    }
}
