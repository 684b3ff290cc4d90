using System.Net;
using System.Text.Json;
using Dashboard.Cli;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>`/api/scenario` and `/api/optimize`: the command line's JSON, scoped to the caller's markets.</summary>
public sealed class PlanningApiTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_API_answers_as_the_command_line_does_and_a_regional_user_plans_on_their_own_markets()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var director = await app.SignedInClientAsync("director@demo.local");
        using var us = await app.SignedInClientAsync("us@demo.local");

        await AnswersAsTheCommandLineAsync(app, director, "/api/optimize?budget=250000&bounds=display=10000:20000&period=next_month",
            ["optimize", "--budget", "250000", "--bounds", "display=10000:20000", "--period", "next_month"]);

        // The US team's curves and baseline come from the US alone: far less revenue than all 26 markets.
        using var all = JsonDocument.Parse(await director.GetStringAsync("/api/scenario", Ct));
        using var mine = JsonDocument.Parse(await us.GetStringAsync("/api/scenario", Ct));
        double Baseline(JsonDocument d) => d.RootElement.GetProperty("baseline").GetProperty("predicted_revenue").GetProperty("value").GetDouble();
        double Spend(JsonDocument d) => d.RootElement.GetProperty("spend_per_day").EnumerateObject().Sum(p => p.Value.GetDouble());
        Assert.True(Baseline(mine) < Baseline(all) / 3, $"US {Baseline(mine):N0} vs all {Baseline(all):N0}");
        Assert.True(Spend(mine) < Spend(all) / 3, $"US spend {Spend(mine):N0} vs all {Spend(all):N0}");

        using var refused = await director.GetAsync("/api/optimize?budget=1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("below the sum of the channels' minimums", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>
    /// `/api/contributions` answers as `dashboard contributions` does; what media added and the base add up to the sales
    /// the engine counts for the same dates and markets (two paths to the same money); each channel's ROAS is its
    /// contribution over its spend, and its band holds it; a regional user is answered on their own markets.
    /// </summary>
    [Fact]
    public async Task Contributions_answer_as_the_command_line_and_add_up_to_the_engines_sales()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var director = await app.SignedInClientAsync("director@demo.local");
        using var us = await app.SignedInClientAsync("us@demo.local");
        const string Query = "from=2026-01-01&to=2026-03-31&market=DE,FR";

        var http = await AnswersAsTheCommandLineAsync(app, director, $"/api/contributions?{Query}", ["contributions", "--from", "2026-01-01", "--to", "2026-03-31", "--market", "DE,FR"]);

        using var answer = JsonDocument.Parse(http);
        var root = answer.RootElement;
        var channels = root.GetProperty("channels").EnumerateArray().ToList();
        Assert.True(channels.Count >= 4, $"{channels.Count} channels");
        foreach (var c in channels)
        {
            var (spend, contribution) = (c.GetProperty("spend").GetDouble(), c.GetProperty("contribution").GetDouble());
            Assert.InRange(contribution, c.GetProperty("low").GetDouble(), c.GetProperty("high").GetDouble());
            Assert.Equal(contribution / spend, c.GetProperty("incremental_roas").GetDouble(), 9);
        }

        using var metrics = JsonDocument.Parse(await director.GetStringAsync("/api/metrics?measures=revenue&from=2026-01-01&to=2026-03-31&market=DE,FR", Ct));
        var sales = metrics.RootElement.GetProperty("totals").GetProperty("values").GetProperty("revenue").GetDouble();
        var media = channels.Sum(c => c.GetProperty("contribution").GetDouble());
        Assert.Equal(sales, root.GetProperty("base").GetProperty("value").GetDouble() + media, sales * 1e-9);

        using var mine = JsonDocument.Parse(await us.GetStringAsync("/api/contributions?from=2026-01-01&to=2026-03-31", Ct));
        using var refused = await us.GetAsync("/api/contributions?market=DE", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("unknown market(s) DE", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(mine.RootElement.GetProperty("base").GetProperty("value").GetDouble() < sales * 3);
    }
    /// <summary>
    /// `--model revenue` (spend and sales alone) answers the same over HTTP and the command line, its base and media add up
    /// to the engine's sales, and a model the product does not have is refused by name; a regional user's few markets
    /// cannot carry its band, and the answer says so instead of giving figures.
    /// </summary>
    [Fact]
    public async Task The_sales_only_model_answers_as_the_command_line_and_adds_up_to_the_engines_sales()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var director = await app.SignedInClientAsync("director@demo.local");
        using var us = await app.SignedInClientAsync("us@demo.local");

        var http = await AnswersAsTheCommandLineAsync(app, director, "/api/contributions?from=2026-01-01&to=2026-03-31&market=DE,FR&model=revenue",
            ["contributions", "--from", "2026-01-01", "--to", "2026-03-31", "--market", "DE,FR", "--model", "revenue"]);

        using var answer = JsonDocument.Parse(http);
        var root = answer.RootElement;
        Assert.Equal("revenue", root.GetProperty("model").GetString());
        var channels = root.GetProperty("channels").EnumerateArray().ToList();
        Assert.True(channels.Count >= 4, $"{channels.Count} channels");
        foreach (var c in channels)
        {
            Assert.InRange(c.GetProperty("contribution").GetDouble(), c.GetProperty("low").GetDouble(), c.GetProperty("high").GetDouble());
        }

        using var metrics = JsonDocument.Parse(await director.GetStringAsync("/api/metrics?measures=revenue&from=2026-01-01&to=2026-03-31&market=DE,FR", Ct));
        var sales = metrics.RootElement.GetProperty("totals").GetProperty("values").GetProperty("revenue").GetDouble();
        Assert.Equal(sales, root.GetProperty("base").GetProperty("value").GetDouble() + channels.Sum(c => c.GetProperty("contribution").GetDouble()), sales * 1e-9);

        using var unknown = await director.GetAsync("/api/contributions?model=bayesian", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("unknown model 'bayesian': use mediated or revenue", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var mine = JsonDocument.Parse(await us.GetStringAsync("/api/contributions?model=revenue", Ct));
        Assert.Empty(mine.RootElement.GetProperty("channels").EnumerateArray());
        Assert.Contains(mine.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("fewer than the 6 its band needs", StringComparison.Ordinal));
    }

    /// <summary>The API's body, after checking that the command line prints the same JSON for the same question.</summary>
    private static async Task<string> AnswersAsTheCommandLineAsync(AppFactory app, HttpClient client, string path, string[] command)
    {
        var http = await client.GetStringAsync(path, Ct);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync([.. command, "--db", app.Database.Path], stdout, stderr, TimeProvider.System);
        Assert.True(exit == 0, stderr.ToString());
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(stdout.ToString()), System.Text.Json.Nodes.JsonNode.Parse(http)),
            $"command line:\n{stdout}\nHTTP:\n{http}");
        return http;
    }
}
