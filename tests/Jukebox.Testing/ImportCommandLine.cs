using Jukebox.Server;

namespace Jukebox.Testing;

/// <summary>`jukebox import` (the real command line) against a test server's database.</summary>
public static class ImportCommandLine
{
    /// <returns>The command's exit code.</returns>
    public static Task<int> RunAsync(JukeboxTestServer server, params string[] arguments)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jukebox-import-tests", Guid.NewGuid().ToString("N"));
        string[] args = ["import", .. arguments, "--data-dir", folder, "--database", server.Provider, "--connection-string", server.Database.ConnectionString];
        return JukeboxCommandLine.Create().Parse(args).InvokeAsync();
    }
}
