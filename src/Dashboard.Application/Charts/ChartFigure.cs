using Dashboard.Metrics.Query;
using Dashboard.Application.Exports;
using Plotly.Blazor;

namespace Dashboard.Application.Charts;

/// <summary>
/// A chart as every output draws it: the page (through Plotly.Blazor), a server-side image for a deck or report
/// (through headless Chromium) and a data file all start from this one definition, so they cannot disagree.
/// </summary>
/// <param name="Id">Unique on its page; also the sheet's and the file's stem.</param>
/// <param name="Table">The chart's figures with the measures' names and units from the catalogue.</param>
/// <param name="Measures">Catalogue keys of the measures drawn (their definitions go in a deck's notes).</param>
/// <param name="Height">Pixels on screen; images keep the proportion.</param>
public sealed record ChartFigure(string Id, string Title, IReadOnlyList<ITrace> Data, Layout Layout, ExportTable Table, IReadOnlyList<string> Measures, int Height = 360)
{
    /// <summary>The groups whose movements a deck's bullets may name (markets for a map, channels for a channel chart).</summary>
    public IReadOnlyList<Dimension> Breakdowns { get; init; } = [Dimension.Market];
}
