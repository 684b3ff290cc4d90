using System.Net;
using System.Text;
using System.Text.Json;
using Dashboard.Application.Analysis;
using Dashboard.Cli;
using Dashboard.TestSupport;
using Dashboard.Web.Hosting;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>
/// Two instances of the app on one PostgreSQL database, as behind a load balancer: what one instance imports, the
/// other instance's engine answers within seconds, without a restart and without the two talking to each other.
/// </summary>
public sealed class SeveralInstancesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_through_instance_a_is_in_instance_b_engine_within_five_seconds()
    {
        await using var database = await ProviderDatabase.CreateAsync(ProviderDatabase.Postgres);
        var settings = new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "false", [SnapshotWatcher.PollSecondsKey] = "1" };
        await using var a = AppFactory.StartOn(database, settings);
        await using var b = AppFactory.StartOn(database, settings);
        var storeB = b.Services.GetRequiredService<MetricsSnapshotStore>();
        var versionBefore = (await storeB.GetAsync(Ct)).Snapshot.Version;
        var reloaded = new TaskCompletionSource<SnapshotAnalysis>(TaskCreationOptions.RunContinuationsAsynchronously);
        storeB.Reloaded += analysis => reloaded.TrySetResult(analysis);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(
            ["apikeys", "add", "--name", "CRM pipeline", "--role", "regional", "--grant", "market:DE", "--can-import", .. database.CliArgs], stdout, stderr, TimeProvider.System);
        Assert.True(exit == 0, stderr.ToString());
        var key = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("key").GetString();
        using var clientA = new HttpClient { BaseAddress = a.RootUri };
        using var clientB = new HttpClient { BaseAddress = b.RootUri };
        clientA.DefaultRequestHeaders.Add("X-Api-Key", key);
        clientB.DefaultRequestHeaders.Add("X-Api-Key", key);

        using var posted = await clientA.PostAsync("/api/imports/micro_conversions", new StringContent("""
            date,market,channel,campaign,event,source,count
            2026-07-01,DE,email_crm,,nl_anmeldung,,17
            2026-07-01,DE,paid_social,,coupon_download,ecommerce,5
            2026-07-02,DE,email_crm,,newsletter_signup,crm,20
            """, Encoding.UTF8, "text/csv"), Ct);
        var imported = TimeProvider.System.GetTimestamp();
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var seen = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        var delay = TimeProvider.System.GetElapsedTime(imported);
        Assert.True(delay < TimeSpan.FromSeconds(5), $"instance B reloaded after {delay.TotalSeconds:0.0} s");
        Assert.NotEqual(versionBefore, seen.Snapshot.Version);
        TestContext.Current.SendDiagnosticMessage($"instance B reloaded {delay.TotalMilliseconds:0} ms after instance A's import answered");

        // 17 + 5 + 20: the only actions in the database, now answered by the instance that did not import them.
        var answer = JsonDocument.Parse(await clientB.GetStringAsync("/api/metrics?measures=micro_conversions&from=2026-07-01&to=2026-07-02", Ct)).RootElement;
        Assert.Equal(42, answer.GetProperty("totals").GetProperty("values").GetProperty("micro_conversions").GetDouble());

        // Both health checks name the shared database and the same data version.
        var healthA = JsonDocument.Parse(await clientA.GetStringAsync("/healthz", Ct)).RootElement.GetProperty("checks").GetProperty("database").GetProperty("data");
        var healthB = JsonDocument.Parse(await clientB.GetStringAsync("/healthz", Ct)).RootElement.GetProperty("checks").GetProperty("database").GetProperty("data");
        Assert.Equal(("postgres", "postgres"), (healthA.GetProperty("provider").GetString(), healthB.GetProperty("provider").GetString()));
        Assert.Equal(seen.Snapshot.Version, healthB.GetProperty("data_version").GetInt64());
        Assert.Equal(healthA.GetProperty("data_version").GetInt64(), healthB.GetProperty("data_version").GetInt64());
    }

    [Fact]
    public async Task A_user_signed_in_on_instance_a_stays_signed_in_when_the_balancer_sends_them_to_instance_b()
    {
        await using var database = await ProviderDatabase.CreateAsync(ProviderDatabase.Postgres);
        var settings = new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "false" };
        await using var a = AppFactory.StartOn(database, settings);
        await using var b = AppFactory.StartOn(database, settings);
        var added = await Cli.RunAsync(
            ["users", "add", "--email", "emea.lead@example.com", "--role", "regional", "--grant", "market:DE", "--password", "Correct-horse-9!", .. database.CliArgs]);
        Assert.True(added.Exit == 0, added.Err);

        // One cookie jar for both: cookies belong to the host, not the port, as behind one public address.
        var cookies = new CookieContainer();
        using var onA = await a.SignedInClientAsync("emea.lead@example.com", "Correct-horse-9!", cookies);
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = b.RootUri };

        using var page = await onB.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("emea.lead@example.com", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The key that protects the cookie is in the shared database, not in either instance.
        Assert.True(await database.CountAsync("SELECT COUNT(*) FROM data_protection_keys") >= 1);
    }
}
