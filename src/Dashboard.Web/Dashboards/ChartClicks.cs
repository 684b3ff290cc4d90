using System.Text.Json;
using Plotly.Blazor.Interop;

namespace Dashboard.Web.Dashboards;

/// <summary>Plotly's click events arrive with untyped fields (JSON numbers as <see cref="JsonElement"/>): the index of the clicked point.</summary>
public static class ChartClicks
{
    public static int? PointIndex(IEnumerable<EventDataPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return points.FirstOrDefault()?.PointNumber switch
        {
            int i => i,
            long l => (int)l,
            double d => (int)d,
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetInt32(),
            _ => null,
        };
    }
}
