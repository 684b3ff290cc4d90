using System.Text.Json;
using Dashboard.Application.Analysis;
using Dashboard.Cli;
using Dashboard.Data.Privacy;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>A person is erased everywhere: current rows, replaced rows kept for rollback, error reports; the log keeps counts, not the id.</summary>
public sealed class ErasureTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_journey_id_is_erased_in_every_market_and_version_and_the_audit_log_never_holds_it(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "journeys", Fixtures.Journeys);

        // A corrected file replaces one touch (the old version is kept for rollback); FR reports the same id; a refused file quotes it.
        await Fixtures.ImportAsync(temp, "journeys", """
            journey_id,market,timestamp,channel,event,revenue,currency,consent
            j1,DE,2025-03-01T10:00:00Z,paid_social,visit,,,true
            j1,FR,2025-03-05T10:00:00Z,display,visit,,,true
            """, "correction.csv");
        var refused = await Fixtures.ImportAsync(temp, "journeys", """
            journey_id,market,timestamp,channel,event,revenue,currency,consent
            j1,FR,2025-03-06T10:00:00Z,display,visit,,,true
            j1,FR,2025-03-06T10:00:00Z,display,visit,,,true
            """, "repeated.csv");
        Assert.False(refused.Stored);
        Assert.Equal(5, await temp.CountAsync("SELECT COUNT(*) FROM journeys WHERE journey_id = 'j1'"));
        using var store = new MetricsSnapshotStore(temp.Factory());
        var journeysBefore = (await store.GetAsync(Ct)).Snapshot.Journeys.Touches;

        var (exit, stdout, stderr) = await CliAsync(["erase", "journey", "j1", .. temp.CliArgs]);

        Assert.True(exit == 0, stderr);
        var answer = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal((5L, 2L, 1L), (answer.GetProperty("rows").GetInt64(), answer.GetProperty("markets").GetInt64(), answer.GetProperty("error_report_lines").GetInt64()));
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM journeys WHERE journey_id = 'j1'"));
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM import_errors WHERE value LIKE '%j1%'"));
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'personal_data_erased' AND actor = 'command line'"));
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM audit_log WHERE target || details LIKE '%j1%'"));
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM data_changes WHERE summary LIKE '%j1%'"));
        Assert.Equal(journeysBefore - 4, (await store.RefreshAsync(Ct)).Snapshot.Journeys.Touches);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_survey_respondent_is_erased_with_their_reasons_and_an_unknown_id_changes_nothing(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "survey_responses", Fixtures.SurveyResponses);
        await using var db = temp.Open();

        var erased = await Erasure.EraseRespondentAsync(db, TimeProvider.System, "r-1", "admin@demo.local", Ct);
        var before = await temp.FingerprintAsync();
        var unknown = await Erasure.EraseRespondentAsync(db, TimeProvider.System, "r-404", "admin@demo.local", Ct);

        Assert.Equal(1, erased.Rows);
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM survey_responses WHERE respondent_id = 'r-1' OR reason LIKE '%discount%'"));
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM survey_responses"));
        Assert.False(unknown.Found);
        Assert.Equal(before, await temp.FingerprintAsync());
    }

    private static async Task<(int Exit, string Out, string Err)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
