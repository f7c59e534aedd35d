using Jukebox.Api.Tracks;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Tracks;

[Collection(CatalogServer.Name)]
public sealed class AudioFeaturesTests(JukeboxTestServer server)
{
    [Fact]
    public async Task A_tracks_features_are_its_stored_features_every_time()
    {
        var catalog = await server.CatalogAsync();
        var track = catalog.PlainAlbum().Tracks[0];
        var stored = (await server.Services.GetRequiredService<AudioFeatureStore>().ForAsync(catalog))[track];
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/audio-features/{track.Id}", "/audio-features/{id}");
        var again = await client.GetOkAsync($"/v1/audio-features/{track.Id}", "/audio-features/{id}");

        Assert.Equal(body.GetRawText(), again.GetRawText());
        Assert.Equal(track.Id, body.Str("id"));
        Assert.Equal("audio_features", body.Str("type"));
        Assert.Equal(track.DurationMs, body.Int("duration_ms"));
        Assert.Equal(Math.Round(stored.Energy, 3), body.GetProperty("energy").GetDouble());
        Assert.Equal(Math.Round(stored.Tempo, 3), body.GetProperty("tempo").GetDouble());
        Assert.Equal(stored.Key, body.Int("key"));
        Assert.Equal($"{server.BaseAddress}v1/audio-analysis/{track.Id}", body.Str("analysis_url"));
        foreach (var unit in new[] { "danceability", "energy", "speechiness", "acousticness", "instrumentalness", "liveness", "valence" })
        {
            Assert.InRange(body.GetProperty(unit).GetDouble(), 0, 1);
        }
    }

    [Fact]
    public async Task Several_tracks_features_come_in_request_order_with_null_for_unknown_ids()
    {
        var ids = (await server.CatalogAsync()).Tracks.Keys.Order(StringComparer.Ordinal).Take(99).Reverse().Append(CatalogPicks.UnknownId).ToList();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/audio-features?ids={string.Join(',', ids)}", "/audio-features", nullableItemsOf: "audio_features");

        var features = body.Array("audio_features");
        Assert.Equal(ids[..99], features.Take(99).Select(f => f.Str("id")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, features[99].ValueKind);
    }

    [Fact]
    public async Task More_than_100_ids_or_a_bad_id_are_refused_and_an_unknown_track_is_not_found()
    {
        var ids = (await server.CatalogAsync()).Tracks.Keys.Take(101);
        using var client = await server.CreateAppClientAsync();

        await client.AssertBadRequestAsync($"/v1/audio-features?ids={string.Join(',', ids)}", "Too many ids requested");
        await client.AssertBadRequestAsync("/v1/audio-features/not-an-id", "Invalid base62 id");
        await client.AssertErrorAsync($"/v1/audio-features/{CatalogPicks.UnknownId}", System.Net.HttpStatusCode.NotFound, "non existing id");
        await client.AssertErrorAsync($"/v1/audio-analysis/{CatalogPicks.UnknownId}", System.Net.HttpStatusCode.NotFound, "non existing id");
    }

    [Fact]
    public async Task An_analysis_agrees_with_the_features_and_stays_within_the_track()
    {
        var catalog = await server.CatalogAsync();
        using var client = await server.CreateAppClientAsync();
        foreach (var track in catalog.Tracks.Values.OrderBy(t => t.Id, StringComparer.Ordinal).Take(5))
        {
            var features = await client.GetOkAsync($"/v1/audio-features/{track.Id}", "/audio-features/{id}");
            var analysis = await client.GetOkAsync($"/v1/audio-analysis/{track.Id}", "/audio-analysis/{id}");
            Assert.Equal(analysis.GetRawText(), (await client.GetOkAsync($"/v1/audio-analysis/{track.Id}", "/audio-analysis/{id}")).GetRawText());

            var summary = analysis.GetProperty("track");
            var duration = track.DurationMs / 1000.0;
            var timeSignature = features.Int("time_signature");
            Assert.Equal(duration, summary.GetProperty("duration").GetDouble());
            Assert.Equal(features.GetProperty("tempo").GetDouble(), summary.GetProperty("tempo").GetDouble());
            Assert.Equal(features.Int("key"), summary.Int("key"));
            Assert.Equal(features.Int("mode"), summary.Int("mode"));
            Assert.Equal(timeSignature, summary.Int("time_signature"));
            Assert.Equal(features.GetProperty("loudness").GetDouble(), summary.GetProperty("loudness").GetDouble());

            var beats = analysis.Array("beats");
            var bars = analysis.Array("bars");
            Assert.InRange(bars.Count * timeSignature - beats.Count, 0, timeSignature - 1);
            Assert.Equal(beats.Count * 2, analysis.Array("tatums").Count);
            var meanBeat = beats.Average(b => b.GetProperty("duration").GetDouble());
            Assert.InRange(60 / meanBeat, features.GetProperty("tempo").GetDouble() * 0.98, features.GetProperty("tempo").GetDouble() * 1.02);
            foreach (var name in new[] { "bars", "beats", "tatums", "sections", "segments" })
            {
                var intervals = analysis.Array(name);
                Assert.NotEmpty(intervals);
                var previousEnd = 0.0;
                foreach (var interval in intervals)
                {
                    var start = interval.GetProperty("start").GetDouble();
                    var end = start + interval.GetProperty("duration").GetDouble();
                    Assert.True(start >= previousEnd - 1e-9 && end <= duration + 1e-9 && end > start, $"{name}: [{start}, {end}] of {duration}");
                    previousEnd = end;
                }
            }
            Assert.Equal(0, analysis.Array("sections")[0].GetProperty("start").GetDouble());
            Assert.Equal(duration, analysis.Array("segments")[^1] is var last ? last.GetProperty("start").GetDouble() + last.GetProperty("duration").GetDouble() : 0, 5);
            Assert.All(analysis.Array("segments"), s => Assert.Equal(1.0, s.Array("pitches").Max(p => p.GetDouble())));
        }
    }
}
