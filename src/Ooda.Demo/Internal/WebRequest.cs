namespace Ooda.Demo.Internal;

/// <summary>One HTTP request to an Exchange front end: an IIS line and, when proxied, an HttpProxy row.</summary>
internal sealed record WebRequest
{
    public required DateTime Time { get; init; }

    public required string Method { get; init; }

    public required string Stem { get; init; }

    /// <summary>Query without the leading '?'; null when none.</summary>
    public string? Query { get; init; }

    public int Port { get; init; } = 443;

    /// <summary>IIS cs-username; null for anonymous.</summary>
    public string? User { get; init; }

    public required string ClientIp { get; init; }

    public required string UserAgent { get; init; }

    public string? Referer { get; init; }

    public int Status { get; init; } = 200;

    public int SubStatus { get; init; }

    public long Win32Status { get; init; }

    public int TimeTaken { get; init; }

    /// <summary>HttpProxy protocol folder (Owa, Ews, …); null when the front end served the request itself.</summary>
    public string? Protocol { get; init; }

    public string? ProtocolAction { get; init; }

    public string? AuthenticationType { get; init; }

    public string? AuthenticatedUser { get; init; }

    public string? AnchorMailbox { get; init; }

    public string? RoutingHint { get; init; }

    public int BackEndStatus { get; init; }

    public Guid RequestId { get; init; }

    public string? ClientRequestId { get; init; }

    public string? ErrorCode { get; init; }

    public string? TargetServer { get; init; }

    public long RequestBytes { get; init; }

    public long ResponseBytes { get; init; }

    public string? GenericInfo { get; init; }
}
