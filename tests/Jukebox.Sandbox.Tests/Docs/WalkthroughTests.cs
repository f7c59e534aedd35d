namespace Jukebox.Sandbox.Tests.Docs;

/// <summary>
/// The README's walkthroughs and docs/clients.md's curl recipe run as pasted (see
/// <see cref="Walkthrough"/>), so the docs cannot drift from the server. They need bash and curl (.ci/run installs curl).
/// </summary>
[Trait("Category", "Docs")]
[Collection(RepositoryBuilds.Name)]
public sealed class WalkthroughTests
{
    [Fact]
    public async Task Trying_it_runs_as_pasted_against_a_running_server()
    {
        await using var server = await ThrowawayServer.StartAsync();
        await Walkthrough.RunAsync("README.md", "Trying it", new Dictionary<string, string>
        {
            ["JUKEBOX_BASE_URL"] = server.Url.ToString().TrimEnd('/'),
        });
    }

    [Fact]
    public async Task Testing_your_app_runs_as_pasted_at_the_top_of_the_repository()
    {
        // The block starts a server of its own with `dotnet run`, and stops it.
        await Walkthrough.RunAsync("README.md", "Testing your app against Jukebox", new Dictionary<string, string>());
    }

    [Fact]
    public async Task The_curl_recipe_for_clients_runs_as_pasted_against_a_running_server()
    {
        await using var server = await ThrowawayServer.StartAsync();
        await Walkthrough.RunAsync("docs/clients.md", "curl", new Dictionary<string, string>
        {
            ["JUKEBOX_BASE_URL"] = server.Url.ToString().TrimEnd('/'),
        });
    }

    [Theory]
    [InlineData("echo hello\necho '{\"id\":\"b\"}'   # {\"id\":\"a\",…}", "block 1, step 2: printed something else than {\"id\":\"a\",…}", "{\"id\":\"b\"}")]
    [InlineData("echo hello\necho nope; false\necho never", "block 1, step 2: bash exited with 1", "nope")]
    [InlineData("echo '{\"error\":{\"status\":401}}'", "block 1, step 1: printed an error", "{\"error\":{\"status\":401}}")]
    public async Task A_failing_step_fails_the_walkthrough_with_the_step_and_what_it_printed(string block, string why, string printed)
    {
        var document = Path.Combine(Path.GetTempPath(), $"jukebox-walkthrough-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(document, $"## Demo\n\n```sh\n{block}\n```\n");
        try
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => Walkthrough.RunAsync(document, "Demo", new Dictionary<string, string>()));
            Assert.Contains(why, failure.Message, StringComparison.Ordinal);
            Assert.Contains($"--- its output ---\n{printed}\n", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public void A_command_is_a_line_with_its_continuations_and_shows_its_answer_beside_or_under_it()
    {
        const string readme = """
            ## Trying it

            ```sh
            A=1   # a note
            curl -s x \
                 -d y   # {"id":"a",…}
            curl -s z
            # {"items":[…,
            #           …]}

            # what follows
            echo done
            ```

            ## Next
            ```sh
            not this
            ```
            """;
        var steps = Walkthrough.Steps(readme, "Trying it");
        Assert.Equal(
            [
                new Walkthrough.Step(1, "A=1   # a note", null),
                new Walkthrough.Step(1, "curl -s x \\\n     -d y   # {\"id\":\"a\",…}", "{\"id\":\"a\",…}"),
                new Walkthrough.Step(1, "curl -s z", "{\"items\":[…,…]}"),
                new Walkthrough.Step(1, "echo done", null),
            ],
            steps);
    }
}
