using System.Globalization;

namespace Jukebox.Sandbox.Requests;

/// <summary>Where --log-requests prints one line per request: the console, or a test's writer.</summary>
public sealed class RequestLogConsole(TextWriter writer)
{
    public void Print(RequestLogEntry entry)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{entry.Time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {entry.Method} {entry.Path} {entry.Status} {entry.DurationMs:0.#} ms");
        var details = new List<string>(4);
        if (entry.ClientId is not null)
        {
            details.Add("app=" + entry.ClientId);
        }
        if (entry.UserId is not null)
        {
            details.Add("user=" + entry.UserId);
        }
        if (entry.FaultId is not null)
        {
            details.Add("fault=" + entry.FaultId);
        }
        if (entry.Message is not null)
        {
            details.Add($"\"{entry.Message}\"");
        }
        if (entry.MissingScope is not null)
        {
            details.Add("missing scope: " + entry.MissingScope);
        }
        writer.WriteLine(details.Count == 0 ? line : line + " " + string.Join(' ', details));
    }
}
