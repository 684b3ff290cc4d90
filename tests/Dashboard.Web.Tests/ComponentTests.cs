using Bunit;
using Dashboard.Data.Inventory;
using Dashboard.Web.Components.Controls;
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
}
