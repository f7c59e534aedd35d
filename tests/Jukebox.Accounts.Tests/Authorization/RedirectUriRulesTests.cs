using Jukebox.Accounts.Authorization;

namespace Jukebox.Accounts.Tests.Authorization;

/// <summary>The Redirect URIs concept page, rule by rule.</summary>
public sealed class RedirectUriRulesTests
{
    [Theory]
    [InlineData("https://app.example.com/callback")]
    [InlineData("http://127.0.0.1:8888/callback")]
    [InlineData("http://127.0.0.1/callback")]
    [InlineData("http://[::1]:8080/callback")]
    [InlineData("my-awesome-app-login://callback")]
    public void These_can_be_registered(string uri) => Assert.Null(RedirectUriRules.Problem(uri));

    [Theory]
    [InlineData("http://localhost:8888/callback")]
    [InlineData("https://localhost/callback")]
    [InlineData("http://app.example.com/callback")]
    [InlineData("http://192.168.1.10:8888/callback")]
    [InlineData("https://app.example.com/callback#fragment")]
    [InlineData("/callback")]
    public void These_are_refused(string uri) => Assert.NotNull(RedirectUriRules.Problem(uri));

    [Theory]
    [InlineData("https://app.example.com/callback", "https://app.example.com/callback", true)]
    [InlineData("https://app.example.com/callback", "https://app.example.com/callback/", false)]
    [InlineData("https://app.example.com/callback", "https://APP.example.com/callback", false)]
    [InlineData("https://app.example.com/callback", "https://app.example.com:8443/callback", false)]
    [InlineData("http://127.0.0.1/callback", "http://127.0.0.1:53682/callback", true)]
    [InlineData("http://[::1]/callback", "http://[::1]:40000/callback", true)]
    [InlineData("http://127.0.0.1/callback", "http://127.0.0.1:53682/other", false)]
    [InlineData("http://127.0.0.1:8888/callback", "http://127.0.0.1:9999/callback", false)]
    [InlineData("http://127.0.0.1/callback", "http://localhost:53682/callback", false)]
    public void Matching_is_exact_except_for_the_port_of_a_loopback_uri_registered_without_one(string registered, string requested, bool matches) =>
        Assert.Equal(matches, RedirectUriRules.Matches(registered, requested));
}
