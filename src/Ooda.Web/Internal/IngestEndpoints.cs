using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ooda.Engine.Continuous;
using Ooda.Engine.Json;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>Evidence uploads into continuous hunting's queue, and the queue's state, tenant-scoped.</summary>
internal static class IngestEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ingest/{tenant}/{host}", async (HttpContext http, WorkspaceGate gate, string tenant, string host, string? name) =>
        {
            var user = ConsoleUser.From(http.User);
            if (!user.Sees(tenant))
                return await gate.RunAsync(ws => Refusals.ApiNotFound(ws, user, http, "tenant", tenant, tenant), http.RequestAborted).ConfigureAwait(false);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = http.RequestServices.GetRequiredService<ConsoleOptions>().MaxUploadBytes;
            var hunting = http.RequestServices.GetService<HuntingService>();
            if (hunting is null)
                return ConsoleJson.Error(StatusCodes.Status503ServiceUnavailable, "continuous hunting is off; start the console with ooda serve --inbox DIR");
            var fileName = name ?? http.Request.Headers["X-File-Name"].ToString();
            if (string.IsNullOrWhiteSpace(fileName))
                return Refusals.ApiBadRequest("name the file: ?name=Security.evtx (or the X-File-Name header)");
            try
            {
                var receipt = await hunting.Hunter.AcceptUploadAsync(tenant, host, fileName, http.Request.Body, user.Name, http.RequestAborted).ConfigureAwait(false);
                return ConsoleJson.Result(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("queueId", receipt.QueueId);
                    w.WriteString("sha256", receipt.Sha256);
                    w.WriteNumber("size", receipt.Size);
                    w.WriteString("path", receipt.RelativePath);
                    w.WriteBoolean("duplicate", receipt.Duplicate);
                    w.WriteString("state", receipt.State);
                    w.WriteEndObject();
                }, receipt.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
            }
            catch (UploadRejectedException e)
            {
                return ConsoleJson.Error(e.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, e.Message);
            }
        }).RequireAuthorization(ConsolePolicies.Investigate).WithTags("ingest")
            .WithSummary("Uploads one evidence file (the raw request body) for a tenant's host; it is queued once by SHA-256, ingested and hunted. 202 when new, 200 for a duplicate.");

        app.MapGet("/api/ingest", (HttpContext http, WorkspaceGate gate, string? tenant, string? state) => gate.RunAsync(ws =>
        {
            var user = ConsoleUser.From(http.User);
            var items = ws.ListInboxItems(new InboxItemQuery { Tenant = tenant, States = state is null ? null : [state], Limit = 10_000 }).Where(i => user.Sees(i.Tenant));
            return ConsoleJson.Array(items, (w, i) =>
            {
                w.WriteStartObject();
                w.WriteNumber("queueId", i.Id);
                w.WriteString("tenant", i.Tenant);
                w.WriteString("host", i.Host);
                w.WriteString("path", i.RelativePath);
                w.WriteString("sha256", i.Sha256);
                w.WriteNumber("size", i.Size);
                w.WriteString("origin", i.Origin);
                w.WriteString("state", i.State);
                w.WriteNumber("attempts", i.Attempts);
                w.WriteString("error", i.Error);
                if (i.Events is { } events)
                    w.WriteNumber("events", events);
                else
                    w.WriteNull("events");
                w.WriteString("arrivedAt", JsonTime.Format(i.ArrivedAt));
                w.WriteEndObject();
            });
        }, http.RequestAborted)).RequireAuthorization(ConsolePolicies.Investigate).WithTags("ingest").WithSummary("Continuous hunting's queue: every file received, with its state.");
    }
}
