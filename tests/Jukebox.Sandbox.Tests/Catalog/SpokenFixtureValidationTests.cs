using System.Net;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>A show, episode, audiobook or chapter the catalog could not hold is refused with a 400 that says why.</summary>
public sealed class SpokenFixtureValidationTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    public static TheoryData<string, string> BadShows => new()
    {
        { """{"publisher":"p"}""", "name is required" },
        { """{"name":"x","type":"episode"}""", "type must be show" },
        { """{"name":"x","available_markets":["SE","XX"]}""", "Invalid market code in available_markets: XX" },
        { """{"name":"x","languages":["english"]}""", "languages must be language codes such as en or en-US, not english" },
        { """{"name":"x","languages":["en","en"]}""", "languages names en twice" },
        { """{"name":"x","media_type":"podcast"}""", "media_type must be audio, video or mixed" },
        { """{"name":"x","copyrights":[{"text":"a","type":"P"}]}""", "copyrights may hold one, of type C" },
        { """{"name":"x","episodes":{"items":[{"name":"e","duration_ms":0}]}}""", "duration_ms must be more than zero" },
        { """{"name":"x","episodes":{"items":[{"name":"e","duration_ms":1,"release_date":"2024-02-30"}]}}""", "release_date must be YYYY, YYYY-MM or YYYY-MM-DD" },
        { """{"name":"x","episodes":{"items":[{"name":"e","duration_ms":1,"audio_preview_url":"clip.mp3"}]}}""", "audio_preview_url must be an absolute http or https URL" },
        { """{"name":"x","episodes":{"items":[{"id":"0000000000000000000001","name":"a","duration_ms":1},{"id":"0000000000000000000001","name":"b","duration_ms":1}]}}""", "episodes.items names episode 0000000000000000000001 twice" },
    };

    [Theory]
    [MemberData(nameof(BadShows))]
    public async Task A_bad_show_is_refused_with_the_reason(string body, string message)
    {
        var answer = await _calls.PostAsync("shows", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
    }

    public static TheoryData<string, string> BadEpisodes => new()
    {
        { """{"name":"e","duration_ms":1}""", "show must name the episode's show by id" },
        { """{"name":"e","show":{"id":"0000000000000000000000"},"duration_ms":1}""", "Unknown show id 0000000000000000000000" },
        { """{"name":"e","show":{"id":"SHOW"}}""", "duration_ms is required" },
        { """{"show":{"id":"SHOW"},"duration_ms":1}""", "name is required" },
        { """{"name":"e","show":{"id":"SHOW"},"duration_ms":1,"type":"chapter"}""", "type must be episode" },
        { """{"name":"e","show":{"id":"SHOW"},"duration_ms":1,"language":"EN"}""", "languages must be language codes such as en or en-US, not EN" },
        { """{"name":"e","show":{"id":"SHOW"},"duration_ms":1,"release_date":"2024","release_date_precision":"day"}""", "release_date_precision must be year for release_date 2024" },
    };

    [Theory]
    [MemberData(nameof(BadEpisodes))]
    public async Task A_bad_episode_is_refused_with_the_reason(string body, string message)
    {
        var show = await _calls.ShowAsync([]);

        var answer = await _calls.PostAsync("episodes", body.Replace("SHOW", show, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
    }

    public static TheoryData<string, string> BadAudiobooks => new()
    {
        { """{"authors":[{"name":"a"}]}""", "name is required" },
        { """{"name":"x"}""", "authors must name at least one author" },
        { """{"name":"x","authors":[{"name":""}]}""", "Every one of authors needs a name" },
        { """{"name":"x","authors":[{"name":"a"}],"narrators":[{}]}""", "Every one of narrators needs a name" },
        { """{"name":"x","authors":[{"name":"a"}],"type":"show"}""", "type must be audiobook" },
        { """{"name":"x","authors":[{"name":"a"}],"available_markets":["us"]}""", "Invalid market code in available_markets: us" },
        { """{"name":"x","authors":[{"name":"a"}],"chapters":{"items":[{"name":"c","duration_ms":1,"chapter_number":-1}]}}""", "chapter_number must be 0 or more" },
        { """{"name":"x","authors":[{"name":"a"}],"chapters":{"items":[{"name":"a","duration_ms":1},{"name":"b","duration_ms":1,"chapter_number":0}]}}""", "chapters.items has two chapters numbered 0" },
        { """{"name":"x","authors":[{"name":"a"}],"chapters":{"items":[{"name":"c","duration_ms":1,"type":"chapter"}]}}""", "type must be episode" },
    };

    [Theory]
    [MemberData(nameof(BadAudiobooks))]
    public async Task A_bad_audiobook_is_refused_with_the_reason(string body, string message)
    {
        var answer = await _calls.PostAsync("audiobooks", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
    }

    public static TheoryData<string, string> BadChapters => new()
    {
        { """{"name":"c","duration_ms":1}""", "audiobook must name the chapter's audiobook by id" },
        { """{"name":"c","audiobook":{"id":"0000000000000000000000"},"duration_ms":1}""", "Unknown audiobook id 0000000000000000000000" },
        { """{"name":"c","audiobook":{"id":"BOOK"},"duration_ms":-1}""", "duration_ms must be more than zero" },
        { """{"name":"c","audiobook":{"id":"BOOK"},"duration_ms":1,"chapter_number":0}""", "The audiobook has a chapter numbered 0" },
        { """{"name":"c","audiobook":{"id":"BOOK"},"duration_ms":1,"audio_preview_url":"ftp://x"}""", "audio_preview_url must be an absolute http or https URL" },
    };

    [Theory]
    [MemberData(nameof(BadChapters))]
    public async Task A_bad_chapter_is_refused_with_the_reason(string body, string message)
    {
        var book = await _calls.AudiobookAsync([FixtureCalls.Chapter()]);

        var answer = await _calls.PostAsync("chapters", body.Replace("BOOK", book, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
    }
}
