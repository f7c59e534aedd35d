using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Jukebox.Sandbox.Tests;

/// <summary>
/// Installs without building, as README's "Install without building" has it: the .NET tool package
/// installed from a local folder, and the self-contained single file for linux-x64 copied on its own.
/// Each starts in an empty folder, as a user would start it, and serves the demo app. Slow (a pack, a
/// publish), so test.sh runs them once, in the SQLite pass. They reuse the build the tests run from:
/// the package is packed from it (--no-build), and the publish compiles only the server for the RID.
/// </summary>
[Trait("Category", "Install")]
[Collection(RepositoryBuilds.Name)]
public sealed class InstallTests : IAsyncLifetime
{
    private DirectoryInfo _folder = null!;

    public Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("jukebox-install-test-");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_tool_package_installs_and_its_jukebox_command_serves_the_demo_from_data_in_the_current_folder()
    {
        var packages = Path.Combine(_folder.FullName, "packages");
        // The tool's files are published on the way: into this test's folder, not the server's bin.
        await DotnetAsync(Sources.Root, "pack", "src/Jukebox.Server", "--no-build", "-c", Sources.Configuration, "-o", packages,
            $"-p:PublishDir={Path.Combine(_folder.FullName, "tool-files")}/");
        // Only the folder the package was packed to: the test asks no registry and finds no other Jukebox.
        var config = Path.Combine(_folder.FullName, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{packages}" /></packageSources>
            </configuration>
            """);
        var tools = Path.Combine(_folder.FullName, "tools");
        await DotnetAsync(_folder.FullName, "tool", "install", "Jukebox", "--tool-path", tools, "--configfile", config);
        var jukebox = Path.Combine(tools, "jukebox");
        Assert.True(File.Exists(jukebox), $"dotnet tool install made no {jukebox}.");

        var folder = _folder.CreateSubdirectory("tool-run");
        await using var server = await ThrowawayServer.StartProgramAsync(jukebox, folder);
        await ServesTheDemoAsync(server);
        Assert.True(File.Exists(Path.Combine(folder.FullName, "data", "jukebox.db")), "The tool kept its database elsewhere than ./data/jukebox.db.");
        using var page = await server.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("6a756b65626f782d64656d6f2d617070", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The docs UI's scripts come out of an assembly too.
        using var docs = await server.CreateClient().GetAsync("/docs/swagger-ui-bundle.js");
        Assert.True(docs.StatusCode == HttpStatusCode.OK, $"The docs UI's script answered {(int)docs.StatusCode}.");
        await StopsCleanlyAsync(server);
    }

    [Fact]
    public async Task The_linux_x64_single_file_runs_on_its_own_with_its_native_libraries_inside()
    {
        // test.sh publishes the file once (the conformance and client library suites run against it
        // too) and names it in JUKEBOX_SINGLE_FILE; alone, the test publishes it with the same command.
        var published = Environment.GetEnvironmentVariable("JUKEBOX_SINGLE_FILE") is { Length: > 0 } given ? given : null;
        if (published is null)
        {
            var output = Path.Combine(_folder.FullName, "publish");
            // A runtime identifier alone makes the server's publish self-contained, trimmed and single-file
            // (its project says so); on the command line those would rebuild every library for the publish.
            await DotnetAsync(Sources.Root, "publish", "src/Jukebox.Server", "-r", "linux-x64", "-c", Sources.Configuration, "-o", output);
            published = Path.Combine(output, "jukebox");
        }
        var folder = _folder.CreateSubdirectory("single-file-run");
        var jukebox = Path.Combine(folder.FullName, "jukebox");
        File.Copy(published, jukebox); // alone (no appsettings.json beside it), executable as published

        await using var server = await ThrowawayServer.StartProgramAsync(jukebox, folder, new Dictionary<string, string>
        {
            // Where the native libraries are unpacked (by default under ~/.net), inside the folder removed after.
            ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(folder.FullName, "extracted"),
            ["DOTNET_ROOT"] = Path.Combine(folder.FullName, "no-dotnet-here"),
        });
        await ServesTheDemoAsync(server);
        Assert.True(File.Exists(Path.Combine(folder.FullName, "data", "jukebox.db")), "The single file kept its database elsewhere than ./data/jukebox.db.");
        // A profile picture is decoded and scaled by SkiaSharp: its native library came out of the file.
        using var picture = await server.CreateClient().PutAsync("/sandbox/users/jukebox-demo/image", new ByteArrayContent(OnePixelPng));
        Assert.True(picture.StatusCode == HttpStatusCode.NoContent, $"The picture upload answered {(int)picture.StatusCode}: {await picture.Content.ReadAsStringAsync()}\n{server.Output}");
        await StopsCleanlyAsync(server);
    }

    /// <summary>A client-credentials token for the demo app, and a search answer with it.</summary>
    private static async Task ServesTheDemoAsync(ThrowawayServer server)
    {
        using var token = await server.TokenAsync(ThrowawayServer.DemoClientId, ThrowawayServer.DemoClientSecret, ("grant_type", "client_credentials"));
        var tokenBody = await token.Content.ReadAsStringAsync();
        Assert.True(token.StatusCode == HttpStatusCode.OK, $"/api/token answered {(int)token.StatusCode}: {tokenBody}\n{server.Output}");
        var accessToken = JsonDocument.Parse(tokenBody).RootElement.GetProperty("access_token").GetString();

        using var client = server.CreateClient(accessToken);
        using var search = await client.GetAsync("/v1/search?q=a&type=track&limit=1");
        var searchBody = await search.Content.ReadAsStringAsync();
        Assert.True(search.StatusCode == HttpStatusCode.OK, $"/v1/search answered {(int)search.StatusCode}: {searchBody}\n{server.Output}");
        var items = JsonDocument.Parse(searchBody).RootElement.GetProperty("tracks").GetProperty("items");
        Assert.True(items.GetArrayLength() == 1, $"The demo catalog's search found no track: {searchBody}");
    }

    private static async Task StopsCleanlyAsync(ThrowawayServer server)
    {
        await server.StopAsync();
        Assert.True(server.ExitCode == 0, $"The server exited with {server.ExitCode}.\n{server.Output}");
        Assert.Contains("Demo app:  client_id=6a756b65626f782d64656d6f2d617070", server.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs the SDK's dotnet; a failure names the command and ends with what it printed.</summary>
    private static async Task DotnetAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (arguments[0] is "pack" or "publish")
        {
            // Nothing may outlive the test: no MSBuild nodes or compiler server left waiting for the next build.
            foreach (var argument in new[] { "-nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
            {
                start.ArgumentList.Add(argument);
            }
        }
        // The test host's MSBuild settings belong to the build that started it, not to this one.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = $"dotnet {string.Join(' ', start.ArgumentList)} (in {workingDirectory})";
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{command} took more than 10 minutes.\n{output}");
        }
        process.WaitForExit(); // the output's last lines
        Assert.True(process.ExitCode == 0, $"{command} failed with exit code {process.ExitCode}:\n{output}");
    }

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    /// <summary>The repository and the configuration the tests were built in (the server's build is packed and reused).</summary>
    private static class Sources
    {
        private static readonly DirectoryInfo Output = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

        public static string Configuration => Output.Parent!.Name;

        public static string Root
        {
            get
            {
                for (var directory = Output; directory is not null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, "Jukebox.slnx")))
                    {
                        return directory.FullName;
                    }
                }
                throw new InvalidOperationException($"No Jukebox.slnx above {AppContext.BaseDirectory}.");
            }
        }
    }
}
