using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.Blazor;

namespace Dashboard.Application.Charts;

/// <summary>
/// Plotly figures as JSON, written exactly as Plotly.Blazor sends them to the browser (its own serializer settings),
/// so a figure rendered off-screen is the figure the page draws.
/// </summary>
public static class PlotlyFigures
{
    // Plotly.Blazor keeps its settings (polymorphic traces, "xaxis2" naming) private; the package version is pinned
    // centrally and a test renders every page's figures, so a change here fails the build's tests, not a user.
    private static readonly JsonSerializerOptions Options =
        (JsonSerializerOptions)(typeof(PlotlyChart).Assembly.GetType("Plotly.Blazor.PlotlyJsInterop")
            ?.GetField("SerializerOptions", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException("Plotly.Blazor's serializer settings were not found: check the package version."));

    /// <summary>{"data": [...], "layout": {...}} for Plotly.newPlot.</summary>
    public static string ToJson(IReadOnlyList<ITrace> data, Layout layout)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(layout);
        var figure = new JsonObject
        {
            ["data"] = JsonNode.Parse(JsonSerializer.Serialize(data.ToList(), Options)),
            ["layout"] = JsonNode.Parse(JsonSerializer.Serialize(layout, Options)),
        };
        return figure.ToJsonString();
    }

    /// <summary>
    /// Copies a freshly built layout into the instance a page's chart holds: Plotly.Blazor redraws from the instances
    /// it was given, before the page re-renders with new ones.
    /// </summary>
    public static void CopyInto(Layout from, Layout to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        foreach (var property in typeof(Layout).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite))
        {
            property.SetValue(to, property.GetValue(from));
        }
    }

    /// <summary>Replaces a page chart's traces and layout with <paramref name="figure"/>'s, in place.</summary>
    public static void CopyInto(ChartFigure figure, IList<ITrace> data, Layout layout)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(data);
        data.Clear();
        foreach (var trace in figure.Data)
        {
            data.Add(trace);
        }

        CopyInto(figure.Layout, layout);
    }
}
