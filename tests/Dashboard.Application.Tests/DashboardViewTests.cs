using Dashboard.Domain.Reference;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;
using Dashboard.Application.Filters;

namespace Dashboard.Application.Tests;

/// <summary>The dashboards' view lives in the URL: it must round-trip, resist hand-edited links and resolve periods by the spec.</summary>
public sealed class DashboardViewTests
{
    [Fact]
    public void A_view_round_trips_through_its_query_string_and_the_default_view_has_none()
    {
        var view = new DashboardView
        {
            Period = PeriodChoices.Custom, From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 31), Compare = Comparison.SamePeriodLastYear,
            Regions = ["emea"], Markets = ["DE", "FR"], Channels = ["paid_social"], Brands = ["aurora"], Measure = "revenue", Model = "shapley",
        };

        var query = view.ToQuery();

        Assert.Equal("period=custom&from=2026-03-01&to=2026-03-31&compare=year&region=emea&market=DE%2CFR&channel=paid_social&brand=aurora&measure=revenue&model=shapley", query);
        var back = DashboardView.Parse("?" + query);
        Assert.Equal(view.ToQuery(), back.ToQuery());
        Assert.Equal(["DE", "FR"], back.Markets);
        Assert.Equal("", DashboardView.Default.ToQuery());
    }

    [Theory]
    [InlineData("?period=someday", "")]
    [InlineData("?period=custom&from=2026-03-31&to=2026-03-01", "")]
    [InlineData("?period=custom&from=2026-13-01&to=2026-03-01", "")]
    [InlineData("?compare=sideways&market=DE,,DE", "market=DE")]
    [InlineData("?period=last_month&compare=none", "period=last_month&compare=none")]
    public void Malformed_links_fall_back_to_the_defaults_instead_of_failing(string query, string expected) =>
        Assert.Equal(expected, DashboardView.Parse(query).ToQuery());

    [Fact]
    public void The_default_period_ends_on_the_last_date_with_data_and_presets_count_from_today()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var lastData = new DateOnly(2026, 11, 25);

        Assert.Equal(new DateRange(new DateOnly(2026, 10, 29), lastData), DashboardView.Default.Range(time, lastData));
        Assert.Equal(new DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 29)), (DashboardView.Default with { Period = "this_month" }).Range(time, lastData));
        Assert.Equal(new DateRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (DashboardView.Default with { Period = "last_month" }).Range(time, lastData));
        Assert.Equal(new DateRange(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (DashboardView.Default with { Period = "last_full_quarter" }).Range(time, lastData));
    }

    [Fact]
    public void A_US_only_user_is_offered_the_US_alone_and_a_link_naming_Canada_loses_it()
    {
        var reference = new ReferenceSet(
            [new("emea", "EMEA"), new("north_america", "North America")],
            [new("DE", "Germany", 0, "EUR", Hemisphere.North), new("US", "United States", 1, "USD", Hemisphere.North), new("CA", "Canada", 1, "CAD", Hemisphere.North)],
            [new("paid_social", "Paid social", true)], [], [""], [new("aurora", 0.4)], [""], ["USD"]);

        var options = FilterOptions.For(reference, AccessScope.Only(["US"]));

        Assert.Equal([new FilterOption("north_america", "North America")], options.Regions);
        Assert.Equal([new FilterOption("US", "United States (US)", "north_america")], options.Markets);
        var restricted = options.Restrict(DashboardView.Parse("?market=CA,US&region=emea,north_america&channel=paid_social,tiktok"));
        Assert.Equal(["US"], restricted.Markets);
        Assert.Equal(["north_america"], restricted.Regions);
        Assert.Equal(["paid_social"], restricted.Channels);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
