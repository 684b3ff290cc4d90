using Dashboard.Application.Filters;

namespace Dashboard.Application.Tests;

/// <summary>The filter bar's rules: region → market narrowing, and what a period pick does to custom dates.</summary>
public sealed class FilterOptionsTests
{
    private static readonly FilterOptions Options = new(
        [new("emea", "EMEA"), new("na", "North America")],
        [new("DE", "Germany", "emea"), new("FR", "France", "emea"), new("US", "United States", "na")],
        [], []);

    [Fact]
    public void Choosing_a_region_offers_its_markets_and_drops_chosen_markets_outside_it()
    {
        var view = DashboardView.Default with { Markets = ["DE", "US"] };

        var emea = Options.WithRegions(view, ["emea"]);

        Assert.Equal(["emea"], emea.Regions);
        Assert.Equal(["DE"], emea.Markets);
        Assert.Equal(["DE", "FR"], Options.MarketsOf(emea).Select(m => m.Key));
        // Clearing the regions keeps the markets chosen and offers every market again.
        var cleared = Options.WithRegions(emea, []);
        Assert.Equal(["DE"], cleared.Markets);
        Assert.Equal(3, Options.MarketsOf(cleared).Count());
    }

    [Fact]
    public void A_preset_drops_custom_dates_and_custom_starts_from_the_dates_on_screen()
    {
        var shown = new Metrics.Time.DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 28));
        var custom = FilterOptions.WithPeriod(DashboardView.Default, PeriodChoices.Custom, shown);
        Assert.Equal((PeriodChoices.Custom, shown.From, shown.To), (custom.Period, custom.From!.Value, custom.To!.Value));

        var preset = FilterOptions.WithPeriod(custom, DashboardView.Default.Period, shown);
        Assert.Null(preset.From);
        Assert.Null(preset.To);
    }

    [Fact]
    public void A_key_not_offered_is_shown_as_itself() =>
        Assert.Equal(("Germany", "XX"), (FilterOptions.Label(Options.Markets, "DE"), FilterOptions.Label(Options.Markets, "XX")));
}
