using Dashboard.Data.Inventory;
using MudBlazor.Services;

namespace Dashboard.Web.Tests;

public sealed class ComponentTests : BunitContext
{
    public ComponentTests()
    {
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void The_kind_table_shows_counts_in_an_invariant_format_and_a_dash_for_absent_dates()
    {
        var kinds = new[]
        {
            new KindInventory("sales", "Daily sales", 1_234_567, new DateOnly(2024, 1, 1), new DateOnly(2026, 6, 30), 26),
            new KindInventory("context", "Confounders", 0, null, null, 0),
        };

        var table = Render<KindCoverageTable>(p => p.Add(x => x.Kinds, kinds).Add(x => x.Caption, "Data by kind"));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("1,234,567", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-06-30", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(3, rows[1].QuerySelectorAll("td").Count(td => td.TextContent.Trim() == "—"));
    }

    [Theory]
    [InlineData("cost_per_micro_conversion", 0.66, 0.71, "good")]
    [InlineData("spend", 8_260_000, 7_727_266, "bad")]
    [InlineData("revenue", 87_711_751, 84_260_000, "good")]
    [InlineData("revenue", 84_260_000, 87_711_751, "bad")]
    public void A_KPI_card_colours_its_change_by_the_measure_s_direction_not_its_sign(string measure, double value, double before, string news)
    {
        var definition = Dashboard.Metrics.Catalogue.MeasureCatalogue.Find(measure)!;
        var kpi = new Dashboard.Application.Dashboards.Kpi(definition, value, null, before, (value - before) / before, null, [1.0, null, 3.0, 2.0]);

        var card = Render<KpiCard>(p => p.Add(x => x.Kpi, kpi).Add(x => x.Format, Dashboard.Application.Formatting.NumberFormat.Default).Add(x => x.Currency, "EUR"));

        var change = card.Find("[data-testid=kpi-change]").ClassList;
        Assert.Contains(news, change);
        Assert.DoesNotContain(news == "good" ? "bad" : "good", change);
        Assert.Contains(definition.Name, card.Markup, StringComparison.Ordinal);
        // The absent second value breaks the line; the lone first point draws nothing, 3 → 2 draws one segment.
        Assert.Single(card.FindAll("polyline"));
    }

    [Fact]
    public void A_KPI_card_shows_a_dash_with_the_reason_when_the_value_is_absent()
    {
        var definition = Dashboard.Metrics.Catalogue.MeasureCatalogue.Find("roi")!;
        var kpi = new Dashboard.Application.Dashboards.Kpi(definition, null, "the journeys of this scope hold no conversion", null, null, null, []);

        var card = Render<KpiCard>(p => p.Add(x => x.Kpi, kpi).Add(x => x.Format, Dashboard.Application.Formatting.NumberFormat.Default).Add(x => x.Currency, "EUR"));

        var value = card.Find("[data-testid=kpi-value]");
        Assert.Equal("—", value.TextContent.Trim());
        Assert.Equal("the journeys of this scope hold no conversion", value.GetAttribute("title"));
        var change = card.Find("[data-testid=kpi-change]").ClassList;
        Assert.DoesNotContain("good", change);
        Assert.DoesNotContain("bad", change);
    }
}
