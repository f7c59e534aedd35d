// A bare ASP.NET Core endpoint to compare Jukebox against: it serves the bytes of one real
// GET /v1/tracks/{id} response, read once at start-up, for any id and without authentication.
// Usage: Jukebox.Bench.Bare --body FILE [--urls http://127.0.0.1:5099]

var builder = WebApplication.CreateSlimBuilder(args);
// The server's logging defaults: its warnings, and none of ASP.NET Core's per-request hosting log, which
// while on starts an Activity and a log scope for every request (src/Jukebox.Server/appsettings.json).
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
var bodyPath = builder.Configuration["body"]
    ?? throw new InvalidOperationException("Pass --body FILE: a JSON track response captured from Jukebox.");
var body = await File.ReadAllBytesAsync(bodyPath);

var app = builder.Build();
app.MapGet("/v1/tracks/{id}", (string id) => Results.Bytes(body, "application/json; charset=utf-8"));
app.MapGet("/readyz", () => Results.Text("Healthy"));
await app.RunAsync();
