using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Tests.Engine;

public sealed class MetricsEngineTests
{
    private const int Precision = 9;
    private static readonly DateRange March = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
    private static readonly MetricsEngine Engine = new(SmallSnapshot.Build());

    private static MetricsAnswer Ask(params string[] measures) => Ask(q => q, measures);

    private static MetricsAnswer Ask(Func<MetricsQuery, MetricsQuery> shape, params string[] measures) =>
        Engine.Run(shape(new MetricsQuery { Range = March, Measures = measures, Scope = AccessScope.All }));

    private static double Value(AnswerRow row, string measure) => row.Values[measure].Value ?? throw new InvalidOperationException(row.Values[measure].AbsentReason);

    private static AnswerRow RowOf(MetricsAnswer answer, Dimension d, string key) => answer.Rows.Single(r => r.Group[d] == key);

    [Fact]
    public void Totals_for_a_month_add_up_the_rows_of_that_month_in_USD()
    {
        var totals = Ask("micro_conversions", "sessions", "micro_conversion_rate", "orders", "units", "revenue", "spend",
            "conversion_rate", "true_conversion_rate", "cost_per_micro_conversion").Totals;

        Assert.Equal(45, Value(totals, "micro_conversions"));
        Assert.Equal(420, Value(totals, "sessions"));
        Assert.Equal(45.0 / 420, Value(totals, "micro_conversion_rate"), Precision);
        Assert.Equal(32, Value(totals, "orders"));
        Assert.Equal(84, Value(totals, "units"));
        Assert.Equal(1000 * 1.10 + 2000 + 100 * 1.25, Value(totals, "revenue"), Precision);
        Assert.Equal(300 * 1.10 + 100 * 1.10 + 400, Value(totals, "spend"), Precision);
        Assert.Equal(32.0 / 420, Value(totals, "conversion_rate"), Precision);
        Assert.Equal(32.0 / (420 - 37), Value(totals, "true_conversion_rate"), Precision);
        Assert.Equal(840.0 / 45, Value(totals, "cost_per_micro_conversion"), Precision);
    }

    [Fact]
    public void By_market_each_market_gets_its_own_rows_and_a_rate_without_sessions_is_absent()
    {
        var answer = Ask(q => q with { By = [Dimension.Market] }, "micro_conversions", "micro_conversion_rate", "revenue");

        Assert.Equal(["DE", "FR", "US", "GB"], answer.Rows.Select(r => r.Group[Dimension.Market]));
        Assert.Equal(15, Value(RowOf(answer, Dimension.Market, "DE"), "micro_conversions"));
        Assert.Equal(15.0 / 150, Value(RowOf(answer, Dimension.Market, "DE"), "micro_conversion_rate"), Precision);
        Assert.Equal(1100, Value(RowOf(answer, Dimension.Market, "DE"), "revenue"), Precision);
        Assert.Equal(0, Value(RowOf(answer, Dimension.Market, "FR"), "revenue"));
        var gb = RowOf(answer, Dimension.Market, "GB");
        Assert.Null(gb.Values["micro_conversion_rate"].Value);
        Assert.Contains("no sessions", gb.Values["micro_conversion_rate"].AbsentReason, StringComparison.Ordinal);
        Assert.Equal(125, Value(gb, "revenue"), Precision);
    }

    [Fact]
    public void By_event_the_rate_divides_by_the_sessions_of_the_channel_scope_and_revenue_is_absent_with_a_reason()
    {
        var answer = Ask(q => q with { By = [Dimension.Event] }, "micro_conversions", "micro_conversion_rate", "revenue");

        var newsletter = RowOf(answer, Dimension.Event, "newsletter_signup");
        var coupon = RowOf(answer, Dimension.Event, "coupon_download");
        Assert.Equal(20, Value(newsletter, "micro_conversions"));
        Assert.Equal(25, Value(coupon, "micro_conversions"));
        Assert.Equal(20.0 / 420, Value(newsletter, "micro_conversion_rate"), Precision);
        Assert.Equal(25.0 / 420, Value(coupon, "micro_conversion_rate"), Precision);
        Assert.Null(coupon.Values["revenue"].Value);
        Assert.Contains("event", coupon.Values["revenue"].AbsentReason, StringComparison.Ordinal);
        Assert.Contains("attributed revenue", coupon.Values["revenue"].AbsentReason, StringComparison.Ordinal);
    }

    [Fact]
    public void By_ISO_week_rows_carry_week_keys_and_weeks_without_rows_are_left_out()
    {
        var answer = Ask(q => q with { By = [Dimension.Week] }, "micro_conversions");

        Assert.Equal(["2025-W10", "2025-W11", "2025-W14"], answer.Rows.Select(r => r.Group[Dimension.Week]));
        Assert.Equal([22.0, 20.0, 3.0], answer.Rows.Select(r => Value(r, "micro_conversions")));
    }

    [Fact]
    public void A_previous_period_comparison_reads_the_31_days_before_and_gives_relative_and_point_changes()
    {
        var totals = Ask(q => q with { Compare = Comparison.PreviousPeriod }, "micro_conversions", "revenue", "spend", "micro_conversion_rate").Totals;

        // 2025-01-29..2025-02-28: one micro row (4), one sale (500 EUR at 1.05), one spend (200 EUR at 1.05), 40 sessions.
        Assert.Equal(4, totals.Comparison!["micro_conversions"].Value);
        Assert.Equal((45 - 4) / 4.0, totals.Change!["micro_conversions"].Value!.Value, Precision);
        Assert.Equal(525, totals.Comparison["revenue"].Value!.Value, Precision);
        Assert.Equal((3225 - 525) / 525.0, totals.Change["revenue"].Value!.Value, Precision);
        Assert.Equal(210, totals.Comparison["spend"].Value!.Value, Precision);
        Assert.Equal(45.0 / 420 - 4.0 / 40, totals.ChangePoints!["micro_conversion_rate"].Value!.Value, Precision);
        Assert.False(totals.ChangePoints.ContainsKey("revenue"));
    }

    [Fact]
    public void A_change_against_zero_is_absent_not_infinite()
    {
        var answer = Ask(q => q with { By = [Dimension.Market], Compare = Comparison.PreviousPeriod }, "micro_conversions");

        var us = RowOf(answer, Dimension.Market, "US");
        Assert.Equal(0, us.Comparison!["micro_conversions"].Value);
        Assert.Null(us.Change!["micro_conversions"].Value);
        Assert.Equal(20, Value(us, "micro_conversions"));
    }

    [Fact]
    public void A_month_without_any_rate_makes_money_absent_and_a_carried_rate_is_noted()
    {
        var january = Engine.Run(new MetricsQuery
        {
            Range = new DateRange(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31)), Measures = ["revenue", "orders"], Scope = AccessScope.All,
        });
        var april = Engine.Run(new MetricsQuery
        {
            Range = new DateRange(new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 30)), Measures = ["revenue"], Scope = AccessScope.All,
        });

        Assert.Null(january.Totals.Values["revenue"].Value);
        Assert.Contains("exchange rate", january.Totals.Values["revenue"].AbsentReason, StringComparison.Ordinal);
        Assert.Equal(1, Value(january.Totals, "orders"));
        Assert.Equal(125, Value(april.Totals, "revenue"), Precision);
        Assert.Contains(april.Notes, n => n.Contains("no GBP rate for 2025-04: the 2025-03 rate is used", StringComparison.Ordinal));
    }

    [Fact]
    public void A_range_across_a_month_end_converts_each_row_at_its_own_months_rate()
    {
        var totals = Engine.Run(new MetricsQuery
        {
            Range = new DateRange(new DateOnly(2025, 2, 20), new DateOnly(2025, 3, 5)), Measures = ["spend"], Scope = AccessScope.All,
        }).Totals;

        // 200 EUR on 20 February at 1.05; 300 + 100 EUR on 3 March at 1.10.
        Assert.Equal((200 * 1.05) + (400 * 1.10), Value(totals, "spend"), Precision);
    }

    [Fact]
    public void A_scope_with_no_visible_market_gives_zero_sums_and_absent_rates()
    {
        var totals = Ask(q => q with { Scope = AccessScope.Only(["JP"]) }, "micro_conversions", "micro_conversion_rate").Totals;

        Assert.Equal(0, Value(totals, "micro_conversions"));
        Assert.Null(totals.Values["micro_conversion_rate"].Value);
    }

    [Fact]
    public void A_reporting_currency_converts_every_row_through_USD_rates_of_its_month()
    {
        var totals = Ask(q => q with { Currency = "EUR" }, "revenue").Totals;

        Assert.Equal(1000 + (2000 / 1.10) + (100 * 1.25 / 1.10), Value(totals, "revenue"), Precision);
    }

    [Fact]
    public void The_access_scope_removes_other_markets_from_rows_and_totals()
    {
        var answer = Ask(q => q with { By = [Dimension.Market], Scope = AccessScope.Only(["DE"]) }, "micro_conversions", "revenue");

        Assert.Equal(["DE"], answer.Rows.Select(r => r.Group[Dimension.Market]));
        Assert.Equal(15, Value(answer.Totals, "micro_conversions"));
        Assert.Equal(1100, Value(answer.Totals, "revenue"), Precision);
    }

    [Fact]
    public void A_market_filter_cannot_reach_outside_the_access_scope()
    {
        var answer = Ask(q => q with
        {
            Filters = new Dictionary<Dimension, IReadOnlyList<string>> { [Dimension.Market] = ["US"] },
            Scope = AccessScope.Only(["DE"]),
        }, "micro_conversions", "micro_conversion_rate");

        Assert.Empty(answer.Rows);
        Assert.Equal(0, Value(answer.Totals, "micro_conversions"));
        Assert.Null(answer.Totals.Values["micro_conversion_rate"].Value);
    }

    [Fact]
    public void A_channel_filter_narrows_channel_measures_and_makes_revenue_absent()
    {
        var totals = Ask(q => q with { Filters = new Dictionary<Dimension, IReadOnlyList<string>> { [Dimension.Channel] = ["paid_social"] } },
            "micro_conversions", "sessions", "spend", "revenue").Totals;

        Assert.Equal(17, Value(totals, "micro_conversions"));
        Assert.Equal(170, Value(totals, "sessions"));
        Assert.Equal(300 * 1.10 + 400, Value(totals, "spend"), Precision);
        Assert.Null(totals.Values["revenue"].Value);
    }

    [Fact]
    public void A_region_grouping_pools_its_markets()
    {
        var answer = Ask(q => q with { By = [Dimension.Region] }, "micro_conversions", "sessions");

        Assert.Equal(15 + 7 + 3, Value(RowOf(answer, Dimension.Region, "emea"), "micro_conversions"));
        Assert.Equal(20, Value(RowOf(answer, Dimension.Region, "north_america"), "micro_conversions"));
        Assert.Equal(220, Value(RowOf(answer, Dimension.Region, "emea"), "sessions"));
    }

    [Fact]
    public void Tracking_coverage_is_the_share_of_reporting_markets_that_report_the_definition()
    {
        var answer = Ask(q => q with { By = [Dimension.Event] }, "tracking_coverage");

        Assert.Equal(3.0 / 4, Value(RowOf(answer, Dimension.Event, "newsletter_signup"), "tracking_coverage"), Precision);
        Assert.Equal(2.0 / 4, Value(RowOf(answer, Dimension.Event, "coupon_download"), "tracking_coverage"), Precision);
        Assert.Equal(1.0, Value(answer.Totals, "tracking_coverage"), Precision);
    }

    [Fact]
    public void Totals_of_a_coverage_query_keep_a_measure_the_grouping_does_not_support_absent()
    {
        var answer = Ask(q => q with { By = [Dimension.Event] }, "tracking_coverage", "sessions");

        var rowReason = RowOf(answer, Dimension.Event, "newsletter_signup").Values["sessions"].AbsentReason;
        Assert.NotNull(rowReason);
        Assert.Null(answer.Totals.Values["sessions"].Value);
        Assert.Equal(rowReason, answer.Totals.Values["sessions"].AbsentReason);
        Assert.Equal(1.0, Value(answer.Totals, "tracking_coverage"), Precision);
    }

    [Fact]
    public void Campaign_grouping_splits_spend_and_cost_per_action()
    {
        var answer = Ask(q => q with { By = [Dimension.Campaign] }, "spend", "cost_per_micro_conversion");

        Assert.Equal(330, Value(RowOf(answer, Dimension.Campaign, "spring"), "spend"), Precision);
        Assert.Equal(330.0 / 10, Value(RowOf(answer, Dimension.Campaign, "spring"), "cost_per_micro_conversion"), Precision);
        Assert.Equal(510.0 / 35, Value(RowOf(answer, Dimension.Campaign, ""), "cost_per_micro_conversion"), Precision);
    }

    [Fact]
    public void Attribution_measures_are_absent_when_the_engine_has_no_credit_source_and_engagement_value_until_valuation()
    {
        var totals = Ask("attributed_revenue", "roas", "roi", "engagement_value").Totals;

        Assert.All(new[] { "attributed_revenue", "roas", "roi" }, m => Assert.Contains("attribution", totals.Values[m].AbsentReason, StringComparison.Ordinal));
        Assert.Contains("valuation", totals.Values["engagement_value"].AbsentReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_measures_and_keys_are_refused_with_a_suggestion()
    {
        var measure = Assert.Throws<MetricsQueryException>(() => Ask("revenu"));
        var market = Assert.Throws<MetricsQueryException>(() =>
            Ask(q => q with { Filters = new Dictionary<Dimension, IReadOnlyList<string>> { [Dimension.Market] = ["DX"] } }, "revenue"));

        Assert.Contains("'revenu' is not a measure", measure.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'DE'", market.Message, StringComparison.Ordinal);
    }
}
