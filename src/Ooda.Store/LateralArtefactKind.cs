namespace Ooda.Store;

/// <summary>What kind of execution artefact a <see cref="LateralArtefact"/> is.</summary>
public enum LateralArtefactKind
{
    /// <summary>A service was installed (System 7045, Security 4697).</summary>
    ServiceInstall,

    /// <summary>A process was started by the WMI provider host or the WinRM plug-in host (Sysmon 1, Security 4688).</summary>
    RemoteProcess,
}
