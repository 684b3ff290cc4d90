using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// The engine's attributed revenue, ROAS and ROI with shares from the attribution service, on the hand-made journeys,
/// sales and spend of <see cref="JourneyFixture"/>. Last touch in March credits revenue: paid search 130 (US), e-mail
/// 70 (US), organic 55 (DE) of 255; US alone: search 130, e-mail 70 of 200.
/// </summary>
public sealed class AttributedMeasureTests
{
    private static readonly DateRange March = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
    private static readonly MetricsEngine Engine = Engines();

    private static MetricsEngine Engines()
    {
        var snapshot = JourneyFixture.Build();
        return new MetricsEngine(snapshot, new AttributionCreditSource(snapshot));
    }

    private static MetricsAnswer Ask(Func<MetricsQuery, MetricsQuery> shape, params string[] measures) =>
        Engine.Run(shape(new MetricsQuery { Range = March, Measures = measures, Scope = AccessScope.All, AttributionModel = "last_touch" }));

    private static double Value(AnswerRow row, string measure) => row.Values[measure].Value ?? throw new InvalidOperationException(row.Values[measure].AbsentReason);

    private static AnswerRow Row(MetricsAnswer answer, params (Dimension D, string Key)[] group) =>
        answer.Rows.Single(r => group.All(g => r.Group[g.D] == g.Key));

    [Fact]
    public void By_channel_revenue_is_shared_by_the_credit_of_all_journeys_in_scope()
    {
        var answer = Ask(q => q with { By = [Dimension.Channel] }, "attributed_revenue", "roas");

        const double Revenue = 1000 + (500 * 1.10);
        Assert.Equal(Revenue * 130 / 255, Value(Row(answer, (Dimension.Channel, "paid_search")), "attributed_revenue"), 9);
        Assert.Equal(Revenue * 70 / 255, Value(Row(answer, (Dimension.Channel, "email_crm")), "attributed_revenue"), 9);
        Assert.Equal(Revenue * 55 / 255, Value(Row(answer, (Dimension.Channel, "organic")), "attributed_revenue"), 9);
        Assert.Equal(Revenue * 130 / 255 / 200, Value(Row(answer, (Dimension.Channel, "paid_search")), "roas"), 9);
        Assert.Equal(Revenue, Value(answer.Totals, "attributed_revenue"), 9);
    }

    [Fact]
    public void By_market_each_market_uses_the_credit_of_its_own_journeys()
    {
        var answer = Ask(q => q with { By = [Dimension.Market, Dimension.Channel] }, "attributed_revenue", "roas", "roi");

        var usSearch = Row(answer, (Dimension.Market, "US"), (Dimension.Channel, "paid_search"));
        Assert.Equal(1000.0 * 130 / 200, Value(usSearch, "attributed_revenue"), 9);
        Assert.Equal(650.0 / 200, Value(usSearch, "roas"), 9);
        Assert.Equal(((650 * 0.4) - 200) / 200, Value(usSearch, "roi"), 9);
        Assert.Equal(1000.0 * 70 / 200, Value(Row(answer, (Dimension.Market, "US"), (Dimension.Channel, "email_crm")), "attributed_revenue"), 9);
        Assert.Equal(550, Value(Row(answer, (Dimension.Market, "DE"), (Dimension.Channel, "organic")), "attributed_revenue"), 9);
        Assert.Contains("no spend", Row(answer, (Dimension.Market, "DE"), (Dimension.Channel, "organic")).Values["roas"].AbsentReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_filter_without_grouping_keeps_that_channel_share()
    {
        var totals = Ask(q => q with { Filters = new Dictionary<Dimension, IReadOnlyList<string>> { [Dimension.Channel] = ["paid_search"] } }, "attributed_revenue", "roas").Totals;

        Assert.Equal(1550.0 * 130 / 255, Value(totals, "attributed_revenue"), 9);
        Assert.Equal(1550.0 * 130 / 255 / 200, Value(totals, "roas"), 9);
    }

    [Fact]
    public void A_user_limited_to_one_market_gets_shares_from_that_market_only()
    {
        var answer = Ask(q => q with { By = [Dimension.Channel], Scope = AccessScope.Only(["US"]) }, "attributed_revenue");

        Assert.Equal(650, Value(Row(answer, (Dimension.Channel, "paid_search")), "attributed_revenue"), 9);
        Assert.DoesNotContain(answer.Rows, r => r.Group[Dimension.Channel] == "organic" && r.Values["attributed_revenue"].Value > 0);
    }

    [Fact]
    public void An_answer_whose_credit_rests_on_few_conversions_says_how_few()
    {
        // March's converting paths, counted from the fixture: j1, j2, j3, j4 and j5's two; in the US all but j3.
        var all = Ask(q => q with { By = [Dimension.Channel] }, "attributed_revenue");
        var us = Ask(q => q with { By = [Dimension.Channel], Scope = AccessScope.Only(["US"]) }, "attributed_revenue");

        Assert.Contains(all.Notes, n => n.StartsWith("channel credit for 2025-03-01 – 2025-03-31 rests on 6 conversions", StringComparison.Ordinal));
        Assert.Contains(us.Notes, n => n.StartsWith("channel credit for 2025-03-01 – 2025-03-31 rests on 5 conversions", StringComparison.Ordinal));

        // 94 more make 100: enough, no note.
        var snapshot = JourneyFixture.Build(extraConversions: 94);
        var enough = new MetricsEngine(snapshot, new AttributionCreditSource(snapshot)).Run(new MetricsQuery
        {
            Range = March, Measures = ["attributed_revenue"], By = [Dimension.Channel], Scope = AccessScope.All, AttributionModel = "last_touch",
        });
        Assert.DoesNotContain(enough.Notes, n => n.Contains("rests on", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scope_whose_journeys_hold_no_conversion_has_no_attributed_revenue()
    {
        var february = new DateRange(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28));

        var totals = Ask(q => q with { Range = february }, "revenue", "attributed_revenue").Totals;

        Assert.Equal(300, Value(totals, "revenue"), 9);
        Assert.Contains("no conversion", totals.Values["attributed_revenue"].AbsentReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_model_shares_out_all_of_the_revenue_and_an_unknown_model_is_refused()
    {
        foreach (var model in AttributionModels.All)
        {
            var answer = Engine.Run(new MetricsQuery
            {
                Range = March, Measures = ["attributed_revenue"], By = [Dimension.Channel], Scope = AccessScope.All, AttributionModel = model.Key(),
            });
            Assert.Equal(1550, answer.Rows.Sum(r => r.Values["attributed_revenue"].Value ?? 0), 9);
        }

        var e = Assert.Throws<MetricsQueryException>(() => Engine.Run(new MetricsQuery
        {
            Range = March, Measures = ["roas"], Scope = AccessScope.All, AttributionModel = "markow",
        }));
        Assert.Contains("'markow' is not an attribution model", e.Message, StringComparison.Ordinal);
    }
}
