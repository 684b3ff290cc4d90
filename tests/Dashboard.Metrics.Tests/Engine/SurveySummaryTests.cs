using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Surveys;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Tests.Engine;

/// <summary>Survey answers summed up per micro-conversion, counted by hand from the rows below.</summary>
public sealed class SurveySummaryTests
{
    private const int DE = 0, FR = 1, US = 2, Newsletter = 0, Coupon = 1;
    private static readonly int March3 = new DateOnly(2025, 3, 3).DayNumber;

    private static FactSnapshot WithSurveys()
    {
        var snapshot = SmallSnapshot.Build();
        string[] reasons = ["Free recipes", "Giveaway", "Discount"];
        SurveyResponse[] answers =
        [
            new(March3, DE, Newsletter, 5, 0),
            new(March3, DE, Newsletter, 3, 0),
            new(March3 + 1, DE, Newsletter, 4, 1),
            new(March3 + 2, FR, Newsletter, 2, 1),
            new(March3 + 30, US, Coupon, 5, 2),
        ];
        return new FactSnapshot
        {
            Reference = snapshot.Reference, MicroConversions = snapshot.MicroConversions, Sales = snapshot.Sales, Spend = snapshot.Spend,
            Traffic = snapshot.Traffic, Fx = snapshot.Fx, Version = 1, Surveys = new SurveyFacts(answers, reasons),
        };
    }

    [Fact]
    public void A_German_user_gets_the_German_answers_only_with_their_mean_and_most_given_reasons()
    {
        var summaries = SurveySummaries.Run(WithSurveys(), new SurveyQuery { Scope = AccessScope.Only(["DE"]) });

        var newsletter = summaries.Single(s => s.Event == "newsletter_signup");
        Assert.Equal(3, newsletter.Responses);
        Assert.Equal(4.0, newsletter.MeanScore); // (5 + 3 + 4) / 3
        Assert.Equal([new ReasonCount("Free recipes", 2), new ReasonCount("Giveaway", 1)], newsletter.TopReasons);
        var coupon = summaries.Single(s => s.Event == "coupon_download");
        Assert.Equal(0, coupon.Responses);
        Assert.Null(coupon.MeanScore);
        Assert.Empty(coupon.TopReasons);
    }

    [Fact]
    public void Dates_filters_and_the_number_of_reasons_narrow_the_answers()
    {
        var snapshot = WithSurveys();
        var firstTwoDays = SurveySummaries.Run(snapshot, new SurveyQuery
        {
            Scope = AccessScope.All, Range = new DateRange(DateOnly.FromDayNumber(March3), DateOnly.FromDayNumber(March3 + 1)), TopReasons = 1,
        });
        var newsletter = firstTwoDays.Single(s => s.Event == "newsletter_signup");
        Assert.Equal(3, newsletter.Responses);
        Assert.Equal([new ReasonCount("Free recipes", 2)], newsletter.TopReasons);
        Assert.Equal(0, firstTwoDays.Single(s => s.Event == "coupon_download").Responses);

        // Everyone, North America only: the US coupon answer.
        var america = SurveySummaries.Run(snapshot, new SurveyQuery
        {
            Scope = AccessScope.All, Filters = new Dictionary<Dimension, IReadOnlyList<string>> { [Dimension.Region] = ["north_america"] },
        });
        Assert.Equal(0, america.Single(s => s.Event == "newsletter_signup").Responses);
        Assert.Equal((1, 5.0), (america.Single(s => s.Event == "coupon_download").Responses, america.Single(s => s.Event == "coupon_download").MeanScore!.Value));
    }
}
