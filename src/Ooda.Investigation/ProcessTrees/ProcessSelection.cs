using System.Globalization;

namespace Ooda.Investigation.ProcessTrees;

/// <summary>
/// Which processes become the roots of a shown tree: every process of an image (<c>w3wp.exe</c>), one process id (at a
/// time, when the id was reused), one Sysmon GUID, or — with nothing set — the whole forest.
/// </summary>
public sealed record ProcessSelection
{
    public static ProcessSelection All { get; } = new();

    /// <summary>An image file name or full path, matched case-insensitively.</summary>
    public string? RootImage { get; init; }

    public long? Pid { get; init; }

    /// <summary>With <see cref="Pid"/>: the process that held the id at this time (UTC).</summary>
    public DateTime? At { get; init; }

    /// <summary>A Sysmon ProcessGuid, any case, braces optional.</summary>
    public string? Guid { get; init; }

    public bool IsAll => RootImage is null && Pid is null && Guid is null;

    /// <summary>Throws when more than one kind of root is given, or a time without a process id.</summary>
    public void Validate()
    {
        var kinds = (RootImage is null ? 0 : 1) + (Pid is null ? 0 : 1) + (Guid is null ? 0 : 1);
        if (kinds > 1)
            throw new ArgumentException("choose one of a root image, a process id or a process GUID");
        if (At is not null && Pid is null)
            throw new ArgumentException("a time picks among processes that reused one process id; give the process id too");
        if (RootImage is { Length: 0 } || Guid is { Length: 0 })
            throw new ArgumentException("the root image or GUID is empty");
    }

    public override string ToString() =>
        RootImage is not null ? "root " + RootImage
        : Pid is { } pid ? string.Create(CultureInfo.InvariantCulture, $"pid {pid}") + (At is { } at ? " at " + at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty)
        : Guid is not null ? "guid " + Guid
        : "all processes";
}
