using Microsoft.AspNetCore.Http;

namespace Ooda.Web.Internal;

/// <summary>Headers on every response: no script at all, styles only from our own stylesheet's hash, no framing, no sniffing, no referrer.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public static readonly string Policy =
        $"default-src 'none'; script-src 'none'; style-src '{Layout.StyleHash}'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy"))
                headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
