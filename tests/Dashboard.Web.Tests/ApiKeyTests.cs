using System.Net;
using System.Text.Json;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>API keys carry a scope like a user: a US key gets the US answer and nothing of another market; revoked or wrong keys get 401.</summary>
public sealed class ApiKeyTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_regional_key_is_scoped_like_a_regional_user_and_stops_working_when_revoked()
    {
        await using var app = await AppFactory.StartSeededAsync();
        var (exit, stdout, stderr) = await Cli.RunAsync("apikeys", "add", "--name", "US pipeline", "--role", "regional", "--grant", "market:US", "--db", app.Database.Path);
        Assert.True(exit == 0, stderr);
        var created = JsonDocument.Parse(stdout).RootElement;
        var secret = created.GetProperty("key").GetString()!;
        Assert.StartsWith("roi_", secret, StringComparison.Ordinal);
        Assert.Equal(0, await app.Database.CountAsync($"SELECT COUNT(*) FROM api_keys WHERE hash = '{secret}' OR grants LIKE '%{secret}%'"));

        using var keyed = new HttpClient { BaseAddress = app.RootUri };
        keyed.DefaultRequestHeaders.Add("X-Api-Key", secret);
        using var director = await app.SignedInClientAsync("director@demo.local");
        const string Range = "model=linear&from=2026-01-01&to=2026-06-30";

        var own = JsonDocument.Parse(await keyed.GetStringAsync($"/api/attribution?{Range}", Ct)).RootElement;
        var usOnly = JsonDocument.Parse(await director.GetStringAsync($"/api/attribution?{Range}&market=US", Ct)).RootElement;
        var germany = JsonDocument.Parse(await keyed.GetStringAsync($"/api/attribution?{Range}&market=DE", Ct)).RootElement;
        Assert.Equal(usOnly.GetProperty("totals").GetRawText(), own.GetProperty("totals").GetRawText());
        Assert.Equal(0, germany.GetProperty("totals").GetProperty("conversions").GetInt32());

        // A key opens the API, not the pages.
        using var pageWithKey = await keyed.GetAsync("/attribution", Ct);
        Assert.Equal("/account/sign-in", pageWithKey.RequestMessage!.RequestUri!.AbsolutePath);

        var revoked = await Cli.RunAsync("apikeys", "revoke", "--id", created.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", app.Database.Path);
        Assert.Equal(0, revoked.Exit);
        using var afterRevoke = await keyed.GetAsync($"/api/attribution?{Range}", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_gets_401_and_an_admin_key_cannot_be_made()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = new HttpClient { BaseAddress = app.RootUri };
        client.DefaultRequestHeaders.Add("X-Api-Key", "roi_0123abcd_not-a-real-secret");

        using var response = await client.GetAsync("/api/journeys", Ct);
        var admin = await Cli.RunAsync("apikeys", "add", "--name", "too much", "--role", "admin", "--db", app.Database.Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, admin.Exit);
        Assert.Contains("an API key's role is director, regional or viewer, not 'admin'", admin.Err, StringComparison.Ordinal);
    }
}
