namespace Ooda.Investigation.Lateral;

/// <summary>
/// Movement from one host to another with one account: when (first and last in the window, how many events), how (ATT&amp;CK
/// techniques), why it is suspicious or routine, and the evidence records it rests on.
/// </summary>
/// <param name="Account">As the evidence names it, e.g. <c>ACME\adm-ibaker</c>.</param>
/// <param name="Techniques">ATT&amp;CK ids, sorted.</param>
/// <param name="Count">Events in the window behind the edge (logons, explicit credentials, connections, artefacts).</param>
/// <param name="BaselineDays">Distinct days the pair appears on in the whole store.</param>
/// <param name="Tools">Source-side programs that made the connection or used the credentials.</param>
public sealed record LateralEdge(
    string Source,
    string Target,
    string Account,
    IReadOnlyList<string> Techniques,
    DateTime First,
    DateTime Last,
    long Count,
    int BaselineDays,
    bool Suspicious,
    IReadOnlyList<LateralReason> Reasons,
    IReadOnlyList<string> Tools,
    IReadOnlyList<LateralEvidence> Evidence);
