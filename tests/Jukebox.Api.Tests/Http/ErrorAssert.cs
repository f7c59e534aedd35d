using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

public static class ErrorAssert
{
    /// <summary>Asserts Spotify's regular error object: <c>{"error":{"status":…,"message":…}}</c>.</summary>
    public static async Task IsAsync(HttpResponseMessage response, int status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }
}
