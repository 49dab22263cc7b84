using System.Text;
using Microsoft.AspNetCore.Http;

namespace EniAgent.MetadataEmulator.Http;

/// <summary>Writes exact bodies: no charset games, no trailing newline the scenario did not ask for.</summary>
internal static class Responses
{
    public const string TextPlain = "text/plain; charset=utf-8";
    public const string Json = "application/json";

    public static Task WriteAsync(HttpContext context, int status, string body, string contentType = TextPlain)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    public static Task NotFoundAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status404NotFound, "Not Found");

    public static Task MethodNotAllowedAsync(HttpContext context, string allow)
    {
        context.Response.Headers.Allow = allow;
        return WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
    }

    public static void NoContent(HttpContext context) => context.Response.StatusCode = StatusCodes.Status204NoContent;
}
