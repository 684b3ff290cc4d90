using System.Security.Claims;
using Dashboard.Application.Analysis;
using Dashboard.Application.Exports;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Query;
using Dashboard.TestSupport;

namespace Dashboard.Application.Tests;

/// <summary>What every download resolves before it is made: the currency, the markets' wording, and the audit entry left first.</summary>
public sealed class DownloadServiceTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private sealed class Fixed(SnapshotAnalysis analysis) : IAnalysisSource
    {
        public ValueTask<SnapshotAnalysis> GetAnalysisAsync(CancellationToken ct = default) => ValueTask.FromResult(analysis);
    }

    [Fact]
    public async Task The_currency_asked_wins_a_caller_without_an_account_gets_the_default_and_each_file_is_audited()
    {
        await using var temp = await TempDatabase.CreateAsync();
        SnapshotAnalysis analysis;
        await using (var db = temp.Open())
        {
            analysis = new SnapshotAnalysis(await SnapshotLoader.LoadAsync(db, Ct));
        }

        var downloads = new DownloadService(new Fixed(analysis), temp.Factory(), TimeProvider.System);
        var apiKey = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "CRM pipeline")], "api_key"));

        Assert.Equal("EUR", await downloads.CurrencyAsync(apiKey, "eur", Ct));
        Assert.Equal("USD", await downloads.CurrencyAsync(apiKey, null, Ct));
        Assert.Equal("all markets", DownloadService.Markets(AccessScope.All));
        Assert.Equal("DE US", DownloadService.Markets(AccessScope.Only(["US", "DE"])));

        await downloads.RecordAsync("CRM pipeline", "value-types-2026-11-30.csv", "markets: DE US; currency: EUR", Ct);
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND actor = 'CRM pipeline' AND target = 'value-types-2026-11-30.csv'"));
    }
}
