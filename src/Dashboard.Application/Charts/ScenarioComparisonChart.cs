using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Dashboard.Attribution.Planning;
using Dashboard.Data.Access;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Application.Charts;

/// <summary>Saved scenarios side by side: revenue, the part from media and spend over each one's period.</summary>
public static class ScenarioComparisonChart
{
    public static ChartFigure Of(IReadOnlyList<(SavedScenarioLine Saved, ScenarioResult Result)> compared, string currency, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(compared);
        ArgumentNullException.ThrowIfNull(format);
        var names = compared.Select(c => (object)PlotlyText.Escape(c.Saved.Name)).ToList();
        var data = new List<ITrace>
        {
            new Bar { Name = "Revenue", X = names, Y = compared.Select(c => (object)c.Result.Predicted.PredictedRevenue.Value).ToList(), Marker = new() { Color = ChartPalette.At(0) } },
            new Bar { Name = "From media", X = names, Y = compared.Select(c => (object)c.Result.Predicted.IncrementalRevenue.Value).ToList(), Marker = new() { Color = ChartPalette.At(1) } },
            new Bar { Name = "Spend", X = names, Y = compared.Select(c => (object)SpendOf(c.Result)).ToList(), Marker = new() { Color = ChartPalette.At(2) } },
        };
        var layout = new Layout
        {
            Separators = format.PlotlySeparators, BarMode = BarModeEnum.Group, Margin = new() { L = 80, R = 20, T = 10, B = 40 },
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = currency } }],
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H }],
        };
        var money = new ExportColumn("Revenue", ExportCellKind.Number, currency, "#,##0");
        var table = new ExportTable("Saved scenarios side by side", [],
            [ExportColumn.Text("Scenario"), money, money with { Name = "From media" }, money with { Name = "Spend" }],
            [.. compared.Select(c => new object?[] { c.Saved.Name, c.Result.Predicted.PredictedRevenue.Value, c.Result.Predicted.IncrementalRevenue.Value, SpendOf(c.Result) })]);
        return new ChartFigure("scenario-comparison-chart", "Saved scenarios side by side", data, layout, table, [], 300);
    }

    /// <summary>The scenario's spend over its whole period.</summary>
    private static double SpendOf(ScenarioResult result) => result.Predicted.TotalSpendPerDay * result.Period.Days;
}
