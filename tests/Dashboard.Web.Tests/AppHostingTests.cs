using System.Net;
using System.Text.Json;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests;

/// <summary>The real app on Kestrel (127.0.0.1, free port) over a real SQLite file.</summary>
public sealed class AppHostingTests
{
    [Fact]
    public async Task The_overview_for_a_signed_in_user_and_the_anonymous_health_check_answer_200_on_a_seeded_database()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = new HttpClient { BaseAddress = app.RootUri };
        using var signedIn = await app.SignedInClientAsync("director@demo.local");

        using var home = await signedIn.GetAsync("/", TestContext.Current.CancellationToken);
        using var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Overview", await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var data = body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("data");
        Assert.Equal("sqlite", data.GetProperty("provider").GetString());
        Assert.True(data.GetProperty("imports").GetInt32() >= 10);
        var rows = await app.Database.CountAsync("""
            SELECT (SELECT COUNT(*) FROM micro_conversions) + (SELECT COUNT(*) FROM sales) + (SELECT COUNT(*) FROM spend) + (SELECT COUNT(*) FROM traffic)
            """);
        Assert.Equal(rows, data.GetProperty("snapshot_fact_rows").GetInt64());
    }

    [Theory]
    [InlineData("css/app.css")]
    [InlineData("js/preferences.js")]
    [InlineData("img/logo.svg")]
    public async Task Files_of_the_top_level_wwwroot_assets_folder_are_served_under_assets(string file)
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = new HttpClient { BaseAddress = app.RootUri };
        var expected = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "wwwroot-assets", file), TestContext.Current.CancellationToken);

        var served = await client.GetStringAsync("/assets/" + file, TestContext.Current.CancellationToken);

        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task A_fresh_start_creates_the_database_file_and_seeds_demo_data()
    {
        await using var app = AppFactory.StartOnNewDatabase(new Dictionary<string, string?>
        {
            ["Demo:EndDate"] = SeededTemplate.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.True(File.Exists(app.Database.Path));
        Assert.Equal(10, await app.Database.CountAsync("SELECT COUNT(*) FROM imports WHERE outcome = 'succeeded'"));
        Assert.Equal(SeededTemplate.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            (await app.Database.TextAsync("SELECT MAX(date) FROM sales")));
        Assert.True(File.Exists(Path.Combine(app.Database.Folder, "demo-truth.json")));
    }

    [Fact]
    public void A_bad_setting_stops_the_start_with_a_clear_message()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var app = AppFactory.StartOnNewDatabase(new Dictionary<string, string?> { ["Demo:EndDate"] = "2025-13-45" });
        });

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains("Demo:EndDate '2025-13-45'", validation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Delivery:Smtp:Host", "mail.internal", "Delivery:Smtp:Host is 'mail.internal' but Delivery:Smtp:From is empty")]
    [InlineData("Delivery:Smtp:Security", "tls", "Delivery:Smtp:Security 'tls' is not none, starttls or ssl")]
    [InlineData("Delivery:CheckSeconds", "0", "Delivery:CheckSeconds 0 is not between 1 and 86400")]
    [InlineData("Rendering:ChromiumPath", " ", "Rendering:ChromiumPath must name the Chromium executable")]
    public void A_bad_delivery_or_rendering_setting_stops_the_start_naming_it(string key, string value, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var app = AppFactory.StartOnNewDatabase(new Dictionary<string, string?> { [key] = value });
        });

        var failures = Flatten(error).OfType<OptionsValidationException>().SelectMany(e => e.Failures);
        Assert.Contains(failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    private static IEnumerable<Exception> Flatten(Exception e) =>
        e is AggregateException a ? a.InnerExceptions.SelectMany(Flatten) : e.InnerException is { } inner ? [e, .. Flatten(inner)] : [e];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
