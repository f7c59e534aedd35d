using System.Diagnostics;
using System.Globalization;

namespace Jukebox.ScaleOut.Tests.Cluster;

/// <summary>
/// One Jukebox node as a real process (`dotnet jukebox.dll --urls ...`), started from the server's own
/// build output, with everything it writes kept so tests can look for the lines an operator would see.
/// </summary>
public sealed class JukeboxNode : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private readonly List<string> _log = [];
    private Process? _process;

    public JukeboxNode(string name, int port, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        Name = name;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _start.ArgumentList.Add(ServerAssembly);
        _start.ArgumentList.Add("--urls");
        _start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var argument in arguments)
        {
            _start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            _start.Environment[key] = value;
        }
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// The server's jukebox.dll: JUKEBOX_SERVER_DLL, else src/Jukebox.Server's output for the
    /// configuration these tests were built in (building this project builds the server too).
    /// </summary>
    public static string ServerAssembly
    {
        get
        {
            if (Environment.GetEnvironmentVariable("JUKEBOX_SERVER_DLL") is { Length: > 0 } configured)
            {
                return configured;
            }
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            var path = Path.Combine(Repository.Root, "src", "Jukebox.Server", "bin", configuration, framework, "jukebox.dll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"The server is not built at {path}; build the solution first (dotnet build Jukebox.slnx -c {configuration}).");
        }
    }

    public void Start()
    {
        var process = new Process { StartInfo = _start };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{Name} did not start.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Everything the node wrote so far, one line per entry.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>The number of log lines so far: a mark to look for lines written after it.</summary>
    public int LogMark
    {
        get
        {
            lock (_log)
            {
                return _log.Count;
            }
        }
    }

    /// <summary>Lines written since <paramref name="mark"/> that contain <paramref name="text"/>.</summary>
    public int CountLines(string text, int mark = 0) => Log.Skip(mark).Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>The end of the log, for failure messages.</summary>
    public string Tail(int lines = 60) => $"--- {Name} ({BaseAddress}) log ---\n{string.Join('\n', Log.TakeLast(lines))}";

    /// <summary>Waits until /readyz answers 200, failing with the node's log when it exits or takes too long.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} exited before it was ready.\n{Tail()}");
            }
            try
            {
                using var response = await http.GetAsync("readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds} s.\n{Tail()}");
            }
            // Polls the process, not the clock: it gets ready when its start-up work is done.
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.Add(line);
        }
    }
}

/// <summary>The repository the tests run from: deploy/ and the server's build output are found from it.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Jukebox.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Jukebox.slnx above {AppContext.BaseDirectory}.");
    }
}
