namespace Ooda.Detection.Iocs;

/// <summary>The four text list formats of Florian Roth's signature-base <c>iocs/</c> folder (as LOKI and THOR read them).</summary>
public enum SignatureBaseList
{
    /// <summary><c>hash;comment</c>: MD5, SHA-1 or SHA-256 by length.</summary>
    Hash,
    /// <summary><c>regex;score[;false-positive regex]</c>, searched in full file paths.</summary>
    FileName,
    /// <summary><c>ip-or-domain[;score]</c>: C2 servers.</summary>
    C2,
    /// <summary>One keyword per line, searched in command lines and free text.</summary>
    Keyword,
}
