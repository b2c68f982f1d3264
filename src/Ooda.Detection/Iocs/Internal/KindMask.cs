namespace Ooda.Detection.Iocs.Internal;

/// <summary>Sets of <see cref="IocKind"/> as bit masks, and the one table saying which kinds each field role meets.</summary>
internal static class KindMask
{
    public const int Hashes = (1 << (int)IocKind.Md5) | (1 << (int)IocKind.Sha1) | (1 << (int)IocKind.Sha256);

    public const int Addresses = (1 << (int)IocKind.Ip) | (1 << (int)IocKind.Cidr);

    public const int Domain = 1 << (int)IocKind.Domain;

    public const int FileName = 1 << (int)IocKind.FileName;

    /// <summary>Kinds found by the substring automaton (directly, or as a prefilter for globs and regexes).</summary>
    public const int PathNeedles = (1 << (int)IocKind.FilePath) | (1 << (int)IocKind.FilePathRegex);

    public const int AgentNeedles = (1 << (int)IocKind.UserAgent) | (1 << (int)IocKind.Keyword);

    public const int PlainNeedles = (1 << (int)IocKind.CommandLine) | (1 << (int)IocKind.CommandLineRegex) | (1 << (int)IocKind.Url) | (1 << (int)IocKind.Keyword);

    /// <summary>What values mined from free text (tokens that look like addresses, domains or hashes) are tested against.</summary>
    public const int Tokens = Hashes | Addresses | Domain;

    public static int Of(IocKind kind) => 1 << (int)kind;

    public static bool Has(int mask, IocKind kind) => (mask & (1 << (int)kind)) != 0;

    /// <summary>The kinds a field with these roles is tested against.</summary>
    public static int ForRoles(IocFieldRole roles)
    {
        var mask = 0;
        if (roles.HasFlag(IocFieldRole.Ip))
            mask |= Addresses;
        if (roles.HasFlag(IocFieldRole.Hash))
            mask |= Hashes;
        if (roles.HasFlag(IocFieldRole.Path))
            mask |= FileName | PathNeedles;
        if (roles.HasFlag(IocFieldRole.UserAgent))
            mask |= AgentNeedles;
        if (roles.HasFlag(IocFieldRole.CommandLine))
            mask |= PlainNeedles | Tokens;
        if (roles.HasFlag(IocFieldRole.Url))
            mask |= Of(IocKind.Url) | Of(IocKind.Keyword) | Domain | Addresses;
        if (roles.HasFlag(IocFieldRole.Host))
            mask |= Domain | Addresses;
        if (roles.HasFlag(IocFieldRole.Text))
            mask |= Of(IocKind.Url) | Of(IocKind.Keyword) | Tokens;
        return mask;
    }
}
