namespace Ooda.Engine.Triage.Internal;

/// <summary>
/// What the scans say about one host's 443/tcp, kept as facts: the sentence names the host's public IP, so writing it
/// for every host up front cost a string per host that only the output needs.
/// </summary>
/// <param name="State">The port state the scan reported, for <see cref="ExposureKind.Answered"/>.</param>
/// <param name="File">The scan file that answered.</param>
internal readonly record struct HostExposure(ExposureKind Kind, string? State = null, string? File = null)
{
    private const string NoPublicIpText = "no public IP in the inventory: not reachable from the internet as far as we know";

    /// <summary>443/tcp open from the internet: true, false, or null when no scan tells.</summary>
    public bool? Exposed => Kind switch
    {
        ExposureKind.NoPublicIp or ExposureKind.Answered => false,
        ExposureKind.Open => true,
        _ => null,
    };

    public string Describe(string? publicIp)
    {
        if (Kind == ExposureKind.NoPublicIp)
            return NoPublicIpText;
        Span<char> buffer = stackalloc char[256];
        return TryWrite(buffer, publicIp, out var written) ? new string(buffer[..written]) : Format(publicIp);
    }

    /// <summary>The sentence into <paramref name="destination"/>; false when it does not fit.</summary>
    public bool TryWrite(Span<char> destination, string? publicIp, out int written) => Kind switch
    {
        ExposureKind.NoPublicIp => Copy(NoPublicIpText, destination, out written),
        ExposureKind.NotAnAddress => destination.TryWrite($"public IP '{publicIp}' is not an IP address: exposure unknown", out written),
        ExposureKind.NoScan => destination.TryWrite($"no scan given: exposure of {publicIp} unknown", out written),
        ExposureKind.NotCovered => destination.TryWrite($"no scan covers {publicIp}: exposure unknown", out written),
        ExposureKind.NoAnswer => destination.TryWrite($"{publicIp} did not answer the scan ({File}): exposure unconfirmed", out written),
        ExposureKind.NotScanned => destination.TryWrite($"443/tcp was not scanned at {publicIp} ({File}): exposure unknown", out written),
        ExposureKind.OpenFiltered => destination.TryWrite($"443/tcp open|filtered at {publicIp} ({File}): exposure unconfirmed", out written),
        ExposureKind.Open => destination.TryWrite($"443/tcp open from the internet at {publicIp} ({File})", out written),
        _ => destination.TryWrite($"443/tcp {State} at {publicIp} ({File})", out written),
    };

    private string Format(string? publicIp)
    {
        // Only for sentences longer than the stack buffer (a long junk value in public_ip).
        var buffer = new char[512 + (publicIp?.Length ?? 0) + (File?.Length ?? 0) + (State?.Length ?? 0)];
        return TryWrite(buffer, publicIp, out var written) ? new string(buffer, 0, written) : throw new InvalidOperationException("exposure sentence longer than its buffer");
    }

    private static bool Copy(string text, Span<char> destination, out int written)
    {
        written = text.Length <= destination.Length ? text.Length : 0;
        return text.AsSpan().TryCopyTo(destination);
    }
}
