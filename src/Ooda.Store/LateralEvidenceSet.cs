namespace Ooda.Store;

/// <summary>Everything the lateral-movement graph is built from, as the store selected and grouped it in one pass.</summary>
public sealed record LateralEvidenceSet(
    IReadOnlyList<LateralLogonGroup> Logons,
    IReadOnlyList<LateralCredentialGroup> ExplicitCredentials,
    IReadOnlyList<LateralConnectionGroup> Connections,
    IReadOnlyList<LateralArtefact> Artefacts);
