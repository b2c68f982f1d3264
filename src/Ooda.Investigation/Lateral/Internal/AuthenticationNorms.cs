namespace Ooda.Investigation.Lateral.Internal;

/// <summary>How accounts and host pairs normally authenticate their network logons across the whole store: Kerberos or NTLM counts.</summary>
internal sealed class AuthenticationNorms
{
    private readonly Dictionary<(string Target, string User), (long Kerberos, long Ntlm)> _byAccount = [];
    private readonly Dictionary<(string Source, string Target), (long Kerberos, long Ntlm)> _byPair = [];

    public static bool IsNtlm(string? package) => string.Equals(package?.Trim(), "NTLM", StringComparison.OrdinalIgnoreCase);

    public static bool IsKerberos(string? package) => string.Equals(package?.Trim(), "Kerberos", StringComparison.OrdinalIgnoreCase);

    public void Add(string source, string target, string user, string? package, long count)
    {
        var kerberos = IsKerberos(package) ? count : 0;
        var ntlm = IsNtlm(package) ? count : 0;
        if (kerberos + ntlm == 0)
            return;
        var account = (target.ToUpperInvariant(), user.ToUpperInvariant());
        var pair = (source.ToUpperInvariant(), target.ToUpperInvariant());
        var a = _byAccount.GetValueOrDefault(account);
        _byAccount[account] = (a.Kerberos + kerberos, a.Ntlm + ntlm);
        var p = _byPair.GetValueOrDefault(pair);
        _byPair[pair] = (p.Kerberos + kerberos, p.Ntlm + ntlm);
    }

    /// <summary>Network logons of <paramref name="user"/> to <paramref name="target"/> from any source.</summary>
    public (long Kerberos, long Ntlm) ForAccount(string target, string user) =>
        _byAccount.GetValueOrDefault((target.ToUpperInvariant(), user.ToUpperInvariant()));

    /// <summary>Network logons from <paramref name="source"/> to <paramref name="target"/> by any account.</summary>
    public (long Kerberos, long Ntlm) ForPair(string source, string target) =>
        _byPair.GetValueOrDefault((source.ToUpperInvariant(), target.ToUpperInvariant()));
}
