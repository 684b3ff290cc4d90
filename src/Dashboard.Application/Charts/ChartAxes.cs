using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.LayoutLib.YAxisLib;
using Title = Plotly.Blazor.LayoutLib.YAxisLib.Title;

namespace Dashboard.Application.Charts;

/// <summary>Axes several charts share.</summary>
public static class ChartAxes
{
    /// <summary>Micro-conversions on the left from zero, revenue on the right from zero, one grid.</summary>
    public static IList<YAxis> ActionsAndRevenue(string currency) =>
    [
        new YAxis { Title = new Title { Text = "micro-conversions" }, RangeMode = RangeModeEnum.ToZero },
        new YAxis
        {
            Title = new Title { Text = $"revenue ({currency})" }, Overlaying = "y", Side = SideEnum.Right, RangeMode = RangeModeEnum.ToZero, ShowGrid = false,
        },
    ];
}
