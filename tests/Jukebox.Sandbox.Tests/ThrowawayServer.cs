using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;

namespace Jukebox.Sandbox.Tests;

/// <summary>
/// The built server run as a test runner runs it: its own process, <c>--ephemeral</c>, a free port and
/// a ready file, its temporary folder under a folder of the test's own so that what is left can be seen.
/// </summary>
public sealed class ThrowawayServer : IAsyncDisposable
{
    public const string DemoClientId = "6a756b65626f782d64656d6f2d617070";
    public const string DemoClientSecret = "6a756b65626f782d64656d6f2d736563";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private ThrowawayServer(DirectoryInfo folder, string readyFile, Process process, StringBuilder output)
    {
        (Folder, ReadyFile, _process, _output) = (folder, readyFile, process, output);
    }

    /// <summary>The server's working folder, where its temporary data folder goes (TMPDIR).</summary>
    public DirectoryInfo Folder { get; }
    public string ReadyFile { get; }
    public Uri Url { get; private set; } = null!;
    public int ExitCode => _process.ExitCode;

    /// <summary>What the server printed; complete only once it has stopped.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="environment">More environment variables for the server, e.g. where it keeps its demo templates.</param>
    public static Task<ThrowawayServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = Directory.CreateTempSubdirectory("jukebox-throwaway-test-");
        var readyFile = Path.Combine(folder.FullName, "ready");
        return LaunchAsync("dotnet", [ServerAssembly(), "--ephemeral", "--urls", "http://127.0.0.1:0", "--ready-file", readyFile], folder, readyFile, environment);
    }

    /// <summary>
    /// Where the servers started by the tests keep their demo templates unless a test says otherwise: shared
    /// by the runs, as a user's cache folder is by theirs (the server keeps the last few), but never the user's own.
    /// </summary>
    public static readonly string TestRunTemplates = Path.Combine(Path.GetTempPath(), "jukebox-test-demo-templates");

    /// <summary>
    /// Starts a server program other than the built assembly (an installed tool, a published file) as a
    /// user would: in <paramref name="folder"/>, whose ./data it keeps, on a free port, with a ready file
    /// there. The folder is the server's: disposing the server removes it.
    /// </summary>
    public static Task<ThrowawayServer> StartProgramAsync(string program, DirectoryInfo folder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var readyFile = Path.Combine(folder.FullName, "ready");
        return LaunchAsync(program, ["--urls", "http://127.0.0.1:0", "--ready-file", readyFile], folder, readyFile, environment);
    }

    private static async Task<ThrowawayServer> LaunchAsync(
        string program, string[] arguments, DirectoryInfo folder, string readyFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder.FullName,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["TMPDIR"] = folder.FullName;
        start.Environment["JUKEBOX_SANDBOX__ENABLED"] = "true";
        start.Environment["JUKEBOX_DemoTemplateDirectory"] = TestRunTemplates;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ThrowawayServer(folder, readyFile, process, output);
        try
        {
            server.Url = new Uri(await server.WaitForReadyFileAsync());
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient(string? bearer = null)
    {
        var http = new HttpClient { BaseAddress = Url };
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return http;
    }

    /// <summary>A POST to /api/token with the client's credentials in HTTP Basic.</summary>
    public async Task<HttpResponseMessage> TokenAsync(string clientId, string secret, params (string Key, string Value)[] form)
    {
        using var http = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token")
        {
            Content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{clientId}:{secret}")));
        return await http.SendAsync(request);
    }

    /// <summary>A graceful stop (SIGTERM, as a test runner or CI sends it), waited for.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            Assert.Equal(0, Kill(_process.Id, SigTerm));
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
        }
        finally
        {
            _process.Dispose();
            Folder.Delete(recursive: true);
        }
    }

    private async Task<string> WaitForReadyFileAsync()
    {
        var waited = Stopwatch.StartNew();
        while (!File.Exists(ReadyFile))
        {
            if (_process.HasExited || waited.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new InvalidOperationException($"The server did not become ready{(_process.HasExited ? $" (it exited with {_process.ExitCode})" : " in 3 minutes")}.\n{Output}");
            }
            // Polls the process's work, not the clock: the file appears when start-up is done.
            await Task.Delay(100);
        }
        return (await File.ReadAllTextAsync(ReadyFile)).Trim();
    }

    private static string ServerAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        for (var directory = output; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Jukebox.slnx")))
            {
                return Path.Combine(directory.FullName, "src", "Jukebox.Server", "bin", output.Parent!.Name, output.Name, "jukebox.dll");
            }
        }
        throw new InvalidOperationException($"No Jukebox.slnx above {AppContext.BaseDirectory}.");
    }

    private const int SigTerm = 15;

    // A graceful stop lets the server clean up; Process.Kill would not.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
