using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Tests.Engine;

/// <summary>
/// Engagement value = Σ micro-conversions × value per action, on <see cref="SmallSnapshot"/>'s March rows with values
/// given by hand: newsletter sign-up 3 USD, coupon download 6 USD.
/// </summary>
public sealed class EngagementValueTests
{
    private static readonly DateRange March = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));

    private sealed class FixedValues(params double?[] usd) : IEventValueSource
    {
        public IReadOnlyList<double?> UsdPerAction() => usd;
    }

    private static MetricsAnswer Ask(IEventValueSource? values, Func<MetricsQuery, MetricsQuery> shape) =>
        new MetricsEngine(SmallSnapshot.Build(), values: values).Run(shape(new MetricsQuery { Range = March, Measures = ["engagement_value"], Scope = AccessScope.All }));

    private static double Value(AnswerRow row) => row.Values["engagement_value"].Value ?? throw new InvalidOperationException(row.Values["engagement_value"].AbsentReason);

    [Fact]
    public void Engagement_value_sums_actions_times_value_per_channel()
    {
        var answer = Ask(new FixedValues(3, 6), q => q with { By = [Dimension.Channel] });

        // Newsletter: DE social 10, FR social 7, GB e-mail 3; coupon: DE e-mail 5, US organic 20.
        Assert.Equal((10 + 7) * 3, Value(answer.Rows.Single(r => r.Group[Dimension.Channel] == "paid_social")), 9);
        Assert.Equal((5 * 6) + (3 * 3), Value(answer.Rows.Single(r => r.Group[Dimension.Channel] == "email_crm")), 9);
        Assert.Equal(20 * 6, Value(answer.Rows.Single(r => r.Group[Dimension.Channel] == "organic")), 9);
        Assert.Equal(210, Value(answer.Totals), 9);
    }

    [Fact]
    public void Engagement_value_in_euro_uses_the_month_rate_and_campaigns_get_their_share()
    {
        var answer = Ask(new FixedValues(3, 6), q => q with { By = [Dimension.Campaign], Currency = "EUR" });

        Assert.Equal(10 * 3 / 1.10, Value(answer.Rows.Single(r => r.Group[Dimension.Campaign] == "spring")), 9);
        Assert.Equal(210 / 1.10, Value(answer.Totals), 9);
    }

    [Fact]
    public void A_type_without_a_value_counts_nothing_and_is_named_in_the_notes()
    {
        var answer = Ask(new FixedValues(3, null), q => q);

        Assert.Equal((10 + 7 + 3) * 3, Value(answer.Totals), 9);
        Assert.Contains(answer.Notes, n => n.Contains("coupon_download", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_valuation_engagement_value_is_absent_with_the_reason()
    {
        var answer = Ask(null, q => q);

        Assert.Contains("valuation", answer.Totals.Values["engagement_value"].AbsentReason, StringComparison.Ordinal);
    }
}
