using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>
/// The message of the error object a response carries, kept on the request as it is written so that
/// the sandbox's request log can show it without reading the response body again.
/// </summary>
public sealed record ErrorMessageFeature(string Message)
{
    public static void Set(HttpContext context, string message) => context.Features.Set(new ErrorMessageFeature(message));

    public static string? Of(HttpContext context) => context.Features.Get<ErrorMessageFeature>()?.Message;
}
