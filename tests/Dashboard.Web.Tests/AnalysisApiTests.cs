using System.Net;
using System.Text.Json;
using Dashboard.Cli;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>The attribution endpoints over HTTP: in the OpenAPI document, the command line's JSON, and a 400 with the reason for a bad question.</summary>
public sealed class AnalysisApiTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_OpenAPI_document_describes_the_analysis_and_planning_endpoints()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = new HttpClient { BaseAddress = app.RootUri };

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/attribution", "/api/journeys", "/api/valuation", "/api/lift", "/api/scenario", "/api/optimize" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            Assert.True(item.TryGetProperty("get", out _));
        }
    }

    [Fact]
    public async Task The_API_answers_with_the_same_JSON_as_the_command_line()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = await app.SignedInClientAsync("director@demo.local");
        const string Range = "from=2026-04-01&to=2026-06-30";

        var http = await client.GetStringAsync($"/api/attribution?model=shapley&{Range}&market=DE,FR", Ct);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["attribution", "--model", "shapley", "--from", "2026-04-01", "--to", "2026-06-30", "--market", "DE,FR", "--db", app.Database.Path],
            stdout, stderr, TimeProvider.System);

        Assert.Equal(0, exit);
        Assert.Equal(stdout.ToString().Trim(), http.Trim());
    }

    [Fact]
    public async Task A_question_the_service_refuses_is_a_400_with_its_reason()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = await app.SignedInClientAsync("director@demo.local");

        using var response = await client.GetAsync("/api/lift?test=no_such_test", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'no_such_test' is not a holdout test", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
