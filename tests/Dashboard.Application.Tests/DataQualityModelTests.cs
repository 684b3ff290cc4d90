using System.Globalization;
using System.Text;
using Dashboard.Application.Analysis;
using Dashboard.Data.Imports;
using Dashboard.Data.Snapshots;
using Dashboard.TestSupport;
using Dashboard.Application.Dashboards;

namespace Dashboard.Application.Tests;

/// <summary>The engine-backed data-quality views: inflated days by a robust rule, and which markets report each definition.</summary>
public sealed class DataQualityModelTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_planted_spike_is_flagged_and_coverage_names_the_silent_market_of_a_region()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var csv = new StringBuilder("date,market,channel,campaign,event,source,count\n");
        var first = new DateOnly(2025, 3, 1);
        for (var i = 0; i < 40; i++)
        {
            var day = first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            // DE: about 100 a day with a 900 on day 25; FR: steady; GB: tiny counts whose jump to 15 is below the minimum.
            csv.Append(CultureInfo.InvariantCulture, $"{day},DE,display,,coupon_download,,{(i == 25 ? 900 : 100 + (i % 7))}\n");
            csv.Append(CultureInfo.InvariantCulture, $"{day},FR,display,,coupon_download,,{200 + (i % 5)}\n");
            csv.Append(CultureInfo.InvariantCulture, $"{day},GB,display,,coupon_download,,{(i == 30 ? 15 : 1 + (i % 2))}\n");
        }

        var path = temp.WriteFile("planted.csv", csv.ToString());
        await using var db = temp.Open();
        var imported = await new FileImporter(db, TimeProvider.System).ImportFileAsync("micro_conversions", path, "tester", ct: Ct);
        Assert.True(imported.Stored);
        var analysis = new SnapshotAnalysis(await SnapshotLoader.LoadAsync(db, Ct));

        var flagged = EngagementInflation.Find(analysis, deviations: 6);
        var coverage = DefinitionCoverage.Build(analysis);

        var spike = Assert.Single(flagged);
        Assert.Equal(("DE", "coupon_download", first.AddDays(25), 900d), (spike.Market, spike.Event, spike.Day, spike.Count));

        // Median of DE's 40 days: 103 (values 100..106, the spike is one of 40); the spike is far beyond 6 robust deviations.
        Assert.Equal(103, spike.Median);
        Assert.True(spike.RobustDeviations > 100);
        Assert.Equal(["DE", "FR", "GB"], coverage.MarketsByDefinition["coupon_download"]);
        var emea = coverage.Gaps.Single(g => g.Definition == "coupon_download" && g.Region == "EMEA");
        Assert.Equal(["DE", "FR", "GB"], emea.Reporting.Order());
        Assert.Contains("ES", emea.Silent);
        Assert.DoesNotContain(coverage.Gaps, g => g.Definition == "newsletter_signup");
    }
}
