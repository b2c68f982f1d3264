namespace Ooda.Knowledge;

public enum AssessmentStatus
{
    /// <summary>The build is known and exposed to at least one of the CVEs.</summary>
    Vulnerable,
    /// <summary>The build is known and fixed for every CVE in the knowledge base.</summary>
    Patched,
    /// <summary>The build, or its SU level, is not known: never read as safe.</summary>
    Unknown,
}
