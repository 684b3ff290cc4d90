using System.Net;
using Dashboard.Data.Postgres;
using Dashboard.TestSupport;
using Dashboard.Web.Shell;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>
/// The app on PostgreSQL with the demo data: every page a user can open renders from it, with the engine's numbers
/// and the data pages' hand-written SQL (inventory, quality checks, row browser) answering on that provider.
/// </summary>
public sealed class PostgresAppTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_renders_from_a_postgres_database_with_the_demo_data()
    {
        await using var database = await ProviderDatabase.CreateAsync(ProviderDatabase.Postgres);
        var copied = await DatabaseCopy.FromSqliteAsync(await SeededTemplate.GetAsync(Ct), database.PostgresConnectionString!, Ct);
        Assert.True(copied["micro_conversions"] > 100_000);
        await using var app = AppFactory.StartOn(database, new Dictionary<string, string?>());
        using var admin = await app.SignedInClientAsync("admin@demo.local");

        foreach (var page in AppPages.Dashboards.Concat(AppPages.Data))
        {
            using var response = await admin.GetAsync("/" + page.Href, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page.Title}: {(int)response.StatusCode}");
            Assert.Contains(WebUtility.HtmlEncode(page.Title), html, StringComparison.Ordinal);
            Assert.DoesNotContain("Your role does not give access", html, StringComparison.Ordinal);
        }

        // The row browser's SQL on PostgreSQL: one market's micro-conversions of a month (newest first) and of a day.
        var month = await admin.GetStringAsync("/data/rows?kind=micro_conversions&market=DE&month=2026-06", Ct);
        Assert.Contains("<td>2026-06-30</td>", month, StringComparison.Ordinal);
        var day = await admin.GetStringAsync("/data/rows?kind=micro_conversions&market=FR&date=2026-06-01", Ct);
        Assert.Contains("2026-06-01", day, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-06-02", day, StringComparison.Ordinal);
    }
}
