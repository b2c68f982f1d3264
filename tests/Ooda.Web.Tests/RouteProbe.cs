using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ooda.Web.Tests;

/// <summary>Every route the running console maps, read from its endpoint data source, so a new route cannot escape the checks.</summary>
public sealed record RouteProbe(string Pattern, string Method, bool Anonymous)
{
    public static IReadOnlyList<RouteProbe> All(ConsoleFixture fixture) =>
        [.. fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new RouteProbe("/" + e.RoutePattern.RawText!.TrimStart('/'), m, e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)))
            .DistinctBy(r => (r.Pattern, r.Method))];

    public bool HasParameters => Pattern.Contains('{', StringComparison.Ordinal);

    /// <summary>True for routes whose parameters name tenant data (runbooks are one shared library; the OpenAPI document is not data).</summary>
    public bool TenantScoped => HasParameters && !Pattern.Contains("/runbooks/", StringComparison.Ordinal) && !Pattern.StartsWith("/openapi", StringComparison.Ordinal);

    /// <summary>The path with every parameter replaced by an object of <paramref name="tenant"/>.</summary>
    public string Path(ConsoleFixture fixture, string tenant)
    {
        var acme = tenant == ConsoleFixture.Acme;
        var id = Pattern switch
        {
            _ when Pattern.Contains("/cases/{id}", StringComparison.Ordinal) => acme ? fixture.AcmeCaseId : fixture.BirchCaseId,
            _ when Pattern.Contains("/leads/{id}", StringComparison.Ordinal) => acme ? fixture.AcmeLeadId : fixture.BirchLeadId,
            _ when Pattern.Contains("/findings/{id}", StringComparison.Ordinal) => acme ? fixture.AcmeFindingId : fixture.BirchFindingId,
            _ when Pattern.Contains("/actions/{id}", StringComparison.Ordinal) || Pattern.Contains("/approvals/{id}", StringComparison.Ordinal) => acme ? fixture.AcmeActionId : fixture.BirchActionId,
            _ when Pattern.Contains("/reports/{id}", StringComparison.Ordinal) => acme ? fixture.AcmeCaseId : fixture.BirchCaseId,
            _ => "proxyshell",
        };
        return Pattern.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal)
            .Replace("{tenant}", tenant, StringComparison.Ordinal)
            .Replace("{host}", acme ? "acme-ex01" : "birch-ex01", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
    }

    public override string ToString() => $"{Method} {Pattern}";
}
