using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Jukebox.Sandbox.Tests.Docs;

/// <summary>
/// The shell blocks of one section of a doc, run as a person pastes them: in order, in one bash, from
/// the top of the repository. Each command (a line, with its continuation lines) is one step. A step
/// whose comment shows an answer (<c># {"id":"ci-user",…}</c>, possibly over further comment lines,
/// <c>…</c> standing for anything) must print it (among what else appears, such as the log of a server
/// the walkthrough started); every other step must print no Spotify
/// error object. bash runs with errexit, so a step that fails stops the walkthrough there.
/// </summary>
public static partial class Walkthrough
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public sealed record Step(int Block, string Command, string? Expected);

    public static string RepositoryRoot()
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

    /// <summary>The steps of the sh blocks under "## <paramref name="heading"/>" in a Markdown text, up to the next such heading.</summary>
    public static IReadOnlyList<Step> Steps(string markdown, string heading)
    {
        var lines = markdown.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var start = lines.IndexOf("## " + heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"No section \"## {heading}\".");
        }
        var steps = new List<Step>();
        var block = 0;
        for (var i = start + 1; i < lines.Count && !lines[i].StartsWith("## ", StringComparison.Ordinal) && !lines[i].StartsWith("# ", StringComparison.Ordinal); i++)
        {
            if (lines[i] is not ("```sh" or "```bash"))
            {
                continue;
            }
            block++;
            var answerOpen = false; // right under a step, a comment line may show what it prints
            for (i++; lines[i] != "```"; i++)
            {
                var line = lines[i];
                if (line.TrimStart().StartsWith('#'))
                {
                    var text = line.TrimStart()[1..].Trim();
                    // The answer starts as a JSON text and goes on over the comment lines right under it.
                    answerOpen = answerOpen && (steps[^1].Expected is not null || ShowsAnAnswer(text));
                    if (answerOpen)
                    {
                        steps[^1] = steps[^1] with { Expected = steps[^1].Expected + text };
                    }
                    continue;
                }
                answerOpen = false;
                if (line.Trim().Length == 0)
                {
                    continue;
                }
                var command = new StringBuilder(line);
                while (line.EndsWith('\\'))
                {
                    line = lines[++i];
                    command.Append('\n').Append(line);
                }
                var comment = TrailingComment().Match(line);
                var expected = comment.Success && ShowsAnAnswer(comment.Groups[1].Value) ? comment.Groups[1].Value.Trim() : null;
                steps.Add(new Step(block, command.ToString(), expected));
                answerOpen = expected is null;
            }
        }
        if (steps.Count == 0)
        {
            throw new InvalidOperationException($"The section \"## {heading}\" has no sh block.");
        }
        return steps;
    }

    /// <summary>
    /// Runs the steps of a section of <paramref name="document"/> (a path from the repository's top, or a
    /// full path) with bash in the repository's top folder, in a process group of its own, with TMPDIR a
    /// folder of the test's own and the environment a person has (no JUKEBOX_ variables but
    /// <paramref name="environment"/>). Fails with the failing step, what it printed and all the output.
    /// </summary>
    public static async Task RunAsync(string document, string heading, IReadOnlyDictionary<string, string> environment)
    {
        var steps = Steps(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), document)), heading);
        var folder = Directory.CreateTempSubdirectory("jukebox-docs-test-");
        try
        {
            var script = new StringBuilder("exec 2>&1\nset -eu\n");
            for (var i = 0; i < steps.Count; i++)
            {
                script.Append($"printf '\\n{Marker}{i}\\n'\n").Append(steps[i].Command).Append('\n');
            }
            var scriptFile = Path.Combine(folder.FullName, "walkthrough.sh");
            await File.WriteAllTextAsync(scriptFile, script.ToString());

            var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, WorkingDirectory = RepositoryRoot() };
            start.ArgumentList.Add("bash");
            start.ArgumentList.Add(scriptFile);
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("JUKEBOX_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
            start.Environment["TMPDIR"] = folder.FullName;
            // A `dotnet run` in a block builds first: no build servers may outlive it.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["UseSharedCompilation"] = "false";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            using var bash = Process.Start(start)!;
            var group = bash.Id; // setsid: the walkthrough's process group is its own
            var output = bash.StandardOutput.ReadToEndAsync();
            await Task.WhenAny(bash.WaitForExitAsync(), Task.Delay(Limit));
            var timedOut = !bash.HasExited;
            if (timedOut)
            {
                KillGroup(group);
            }
            await bash.WaitForExitAsync();
            var leftRunning = await StillRunningAsync(group);
            KillGroup(group);
            var text = await output;

            var outputs = Outputs(text, steps.Count, out var reached);
            string Report(int step, string why) =>
                $"{document} \"{heading}\", block {steps[step].Block}, step {step + 1}: {why}\n" +
                $"--- step ---\n{steps[step].Command}\n--- its output ---\n{outputs[step]}\n--- the whole output ---\n{text}";

            if (timedOut)
            {
                Assert.Fail(Report(reached, $"still running after {Limit.TotalMinutes} minutes"));
            }
            if (bash.ExitCode != 0)
            {
                Assert.Fail(Report(reached, $"bash exited with {bash.ExitCode}"));
            }
            for (var i = 0; i < steps.Count; i++)
            {
                var printed = Regex.Replace(outputs[i], @"\s+", "");
                if (steps[i].Expected is { } expected)
                {
                    // Somewhere in what the step printed: a server started in the background shares the terminal.
                    var pattern = string.Join(".*?", Regex.Replace(expected, @"\s+", "").Split('…').Select(Regex.Escape));
                    Assert.True(Regex.IsMatch(printed, pattern, RegexOptions.Singleline), Report(i, $"printed something else than {expected}"));
                }
                else
                {
                    Assert.False(printed.Contains("\"error\"", StringComparison.Ordinal), Report(i, "printed an error"));
                }
            }
            Assert.True(leftRunning.Count == 0, $"{document} \"{heading}\": processes left running after the last step: {string.Join(", ", leftRunning)}\n{text}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private const string Marker = "@@docs-step ";

    private static string[] Outputs(string text, int count, out int reached)
    {
        var outputs = Enumerable.Repeat("", count).ToArray();
        reached = 0;
        var current = -1;
        var prefix = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal) && int.TryParse(line[Marker.Length..], out var step))
            {
                current = reached = step;
                continue;
            }
            if (current >= 0)
            {
                outputs[current] += line + "\n";
            }
        }
        for (var i = 0; i < count; i++)
        {
            // printf's leading newline ends the previous step's last line; it is not output of that step.
            outputs[i] = outputs[i].EndsWith("\n\n", StringComparison.Ordinal) ? outputs[i][..^1] : outputs[i];
        }
        return outputs;
    }

    private static bool ShowsAnAnswer(string comment) => comment.TrimStart() is ['{' or '[', ..];

    /// <summary>A comment at the end of a command line, set off by at least two spaces.</summary>
    [GeneratedRegex(@"\s{2,}#\s(.*)$")]
    private static partial Regex TrailingComment();

    /// <summary>The ids of the processes still in the group, after waiting a little for them to end.</summary>
    private static async Task<List<string>> StillRunningAsync(int group)
    {
        for (var attempt = 0; ; attempt++)
        {
            var members = new List<string>();
            foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
            {
                try
                {
                    var fields = (await File.ReadAllTextAsync(stat)).Split(") ")[^1].Split(' ');
                    if (fields[2] == group.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    {
                        members.Add($"{Path.GetFileName(Path.GetDirectoryName(stat))} ({File.ReadAllText(Path.Combine(Path.GetDirectoryName(stat)!, "cmdline")).Replace('\0', ' ').Trim()})");
                    }
                }
                catch (IOException)
                {
                    // Not a process, or it ended meanwhile.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
            if (members.Count == 0 || attempt == 20)
            {
                return members;
            }
            // Waits for processes to end, as `wait` in a shell does; they are given 10 s.
            await Task.Delay(500);
        }
    }

    private static void KillGroup(int group) => _ = Kill(-group, 9);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
