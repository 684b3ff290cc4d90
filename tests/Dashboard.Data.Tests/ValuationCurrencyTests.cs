using Dashboard.Attribution.Valuation;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>
/// Pages show the valuation in the user's reporting currency by converting the stored (USD) one; that must give what
/// a valuation fitted in that currency gives.
/// </summary>
public sealed class ValuationCurrencyTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_converted_valuation_equals_one_fitted_in_that_currency()
    {
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        await using var db = temp.Open();
        var snapshot = await SnapshotLoader.LoadAsync(db, Ct);

        var usd = ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All });
        var fitted = ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All, Currency = "EUR" });
        var converted = usd.ConvertedTo("eur", snapshot.Fx);

        Assert.Equal("EUR", converted.Currency);
        Assert.Equal(fitted.EngagementValue!.Value, converted.EngagementValue!.Value, 1e-6 * fitted.EngagementValue.Value);
        foreach (var (a, b) in fitted.Events.Zip(converted.Events))
        {
            Assert.Equal(a.Event, b.Event);
            Assert.Equal(a.Value!.Value, b.Value!.Value, 1e-9);
            Assert.Equal(a.Low!.Value, b.Low!.Value, 1e-9);
            Assert.Equal(a.High!.Value, b.High!.Value, 1e-9);
        }

        // A euro is worth more than a dollar in the demo rates: the same value is a smaller number of euros.
        var coupon = usd.Events.Single(e => e.Event == "coupon_download").Value!.Value;
        Assert.True(converted.Events.Single(e => e.Event == "coupon_download").Value < coupon);
        Assert.Throws<MetricsQueryException>(() => usd.ConvertedTo("XXX", snapshot.Fx));
    }
}
