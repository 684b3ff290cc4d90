using Dashboard.Domain.Reference;
using Dashboard.Metrics.Catalogue;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Application.Charts;

/// <summary>The Funnel and intent page's charts: sessions to purchase, intent flows, and actions by intent and category.</summary>
public static class FunnelCharts
{
    private static readonly string[] Levels = ["none", "low", "medium", "high", "purchase"];

    public static string Level(string key) => key switch
    {
        "none" => "No micro-conversion yet",
        "low" => "Low intent",
        "medium" => "Medium intent",
        "high" => "High intent",
        "purchase" => "Purchase",
        _ => key,
    };

    public static ChartFigure Funnel(FunnelPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var data = new List<ITrace>
        {
            new Plotly.Blazor.Traces.Funnel
            {
                Y = m.Stages.Select(s => (object)s.Label).ToList(),
                X = m.Stages.Select(s => (object?)s.Value).ToList()!,
                Marker = new() { Color = ChartPalette.At(0) },
                TextTemplate = "%{value:,.0f}",
            },
        };
        var layout = new Layout { Separators = context.Preferences.Format.PlotlySeparators, Margin = new() { L = 150, R = 20, T = 10, B = 30 } };
        const string title = "From sessions to purchase";
        var first = m.Stages.Count > 0 ? m.Stages[0].Value : null;
        var table = new ExportTable(title, ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf),
            [ExportColumn.Text("Stage"), new ExportColumn("Count", ExportCellKind.Number, "count", "#,##0"), new ExportColumn("Share of the first stage", ExportCellKind.Number, "share", "0.00%")],
            [.. m.Stages.Select(s => new object?[] { s.Label, s.Value, s.Value is { } v && first is > 0 ? v / first : null })]);
        return new ChartFigure("funnel", title, data, layout, table, [MeasureCatalogue.Sessions, MeasureCatalogue.MicroConversions, MeasureCatalogue.Orders]);
    }

    public static ChartFigure IntentFlows(FunnelPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var flows = m.Journeys.IntentProgression.Where(f => f.Moves > 0).ToList();
        var data = new List<ITrace>
        {
            new Sankey
            {
                Node = new()
                {
                    // Short labels: each column is narrow; the table has the long names.
                    Label = ["No action yet", "Low", "Medium", "High", "Purchase"], Pad = 18, Thickness = 16,
                    ColorArray = Levels.Select((_, i) => (object)ChartPalette.At(i)).ToList(),
                },
                Link = new()
                {
                    Source = flows.Select(f => (object)Array.IndexOf(Levels, f.From)).ToList(),
                    Target = flows.Select(f => (object)Array.IndexOf(Levels, f.To)).ToList(),
                    Value = flows.Select(f => (object)f.Moves).ToList(),

                    // A grey that reads on the light and the dark theme alike.
                    Color = "rgba(128,128,128,0.35)",
                },
            },
        };
        var layout = new Layout { Separators = context.Preferences.Format.PlotlySeparators, Margin = new() { L = 10, R = 10, T = 10, B = 10 } };
        const string title = "Journeys moving up in intent and into purchase";
        var table = new ExportTable(title, ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf),
            [ExportColumn.Text("From"), ExportColumn.Text("To"), new ExportColumn("Journeys", ExportCellKind.Number, "count", "#,##0")],
            [.. m.Journeys.IntentProgression.Select(f => new object?[] { Level(f.From), Level(f.To), (double)f.Moves })]);
        return new ChartFigure("intent-flows", title, data, layout, table, [MeasureCatalogue.MicroConversions, MeasureCatalogue.Orders]);
    }

    public static ChartFigure IntentCategories(FunnelPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var data = new List<ITrace>();
        foreach (var (category, i) in Enum.GetValues<Category>().Select((c, i) => (c, i)))
        {
            data.Add(new Bar
            {
                Name = FunnelPageModel.CategoryName(category),
                X = Enum.GetValues<IntentGroup>().Select(g => (object)FunnelPageModel.IntentName(g)).ToList(),
                Y = Enum.GetValues<IntentGroup>().Select(g => (object)(m.Cells.FirstOrDefault(c => c.Intent == g && c.Category == category)?.Actions ?? 0)).ToList(),
                Marker = new() { Color = ChartPalette.At(i) },
            });
        }

        var layout = new Layout
        {
            BarMode = BarModeEnum.Stack,
            Separators = context.Preferences.Format.PlotlySeparators,
            Margin = new() { L = 70, R = 20, T = 10, B = 40 },
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "micro-conversions" } }],
        };
        const string title = "Micro-conversions by intent group and category";
        var table = new ExportTable(title, ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf),
            [ExportColumn.Text("Intent group"), ExportColumn.Text("Category"), ExportColumn.Measure(MeasureCatalogue.Find(MeasureCatalogue.MicroConversions)!, "")],
            [.. m.Cells.Select(c => new object?[] { FunnelPageModel.IntentName(c.Intent), FunnelPageModel.CategoryName(c.Category), c.Actions })]);
        return new ChartFigure("intent-categories", title, data, layout, table, [MeasureCatalogue.MicroConversions], 320);
    }
}
