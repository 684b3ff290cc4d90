using System.Globalization;
using System.Net;
using System.Text;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Formatting;
using Dashboard.Application.Packs;
using Dashboard.Exports.Rendering;

namespace Dashboard.Exports.Packs;

/// <summary>
/// A review pack as a PDF report with the deck's content, printed by Chromium from a print-styled HTML page: a cover
/// with the scope and period, the KPI table, a page per chart (image, talking points, definitions) and the appendix.
/// Chromium already draws the charts, so the report needs no second layout engine, and its text stays real text
/// (searchable, selectable, read by screen readers).
/// </summary>
public static class ReportWriter
{
    public const string ContentType = "application/pdf";

    public static Task<byte[]> ToPdfAsync(ReviewPack pack, ChartRenderer renderer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return renderer.PrintPdfAsync(ToHtml(pack), ct);
    }

    public static string ToHtml(ReviewPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{E(pack.Title)}: {E(pack.Scope)}</title><style>{Style}</style></head><body>
            <section class="cover"><h1>{E(pack.Title)}</h1><p class="scope">{E(pack.Scope)}</p><p>{E(pack.Period)}, {E(pack.Comparison)}</p>
            <p class="muted">Figures in {E(pack.Currency)} · data as of {Formats.Date(pack.DataAsOf)}</p>
            <p class="muted">Prepared by {E(pack.PreparedBy)} on {pack.Prepared.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC</p></section>
            <section><h2>Key figures</h2><p class="muted">{E(pack.Period)}, {E(pack.Comparison)}</p>
            <table><thead><tr><th>Measure</th><th>Value</th><th>Comparison</th><th>Change</th></tr></thead><tbody>
            """);
        foreach (var k in pack.Kpis)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(k.Measure.Name)}</td><td>{E(MeasureText.Value(k.Measure, k.Value, pack.Format, pack.Currency))}</td><td>{E(MeasureText.Value(k.Measure, k.Comparison, pack.Format, pack.Currency))}</td><td>{E(MeasureText.Change(k.Measure, k.Change, k.ChangePoints, pack.Format))}</td></tr>");
        }

        if (pack.MediaRow is { } media)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr>{string.Concat(media.Select(c => $"<td>{E(c)}</td>"))}</tr>");
        }

        html.Append("</tbody></table></section>");
        foreach (var chart in pack.Charts)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <section class="chart"><h2>{E(chart.Figure.Title)}</h2><p class="muted">{E(chart.Page)} · {E(pack.Period)}, {E(pack.Comparison)}</p>
                <div class="row"><img alt="{E(chart.Figure.Title)}" src="data:image/png;base64,{Convert.ToBase64String(chart.Png)}">
                <div class="points"><h3>What moved</h3><ul>{string.Concat(chart.Bullets.Select(b => $"<li>{E(b)}</li>"))}</ul></div></div>
                <dl>{string.Concat(chart.Definitions.Select(d => $"<dt>{E(d.Name)}</dt><dd>{E(d.Definition)}</dd>"))}</dl></section>
                """);
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <section><h2>Appendix: data sources and freshness</h2>
            <p class="muted">Figures come from the dashboard's metrics engine for {E(pack.Scope)}; data as of {Formats.Date(pack.DataAsOf)}.</p>
            <table><thead><tr><th>Data</th><th>Rows</th><th>Latest day</th><th>Furthest behind</th></tr></thead><tbody>
            """);
        foreach (var s in pack.Sources)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(s.Description)}</td><td>{E(pack.Format.Whole(s.Rows))}</td><td>{Formats.Date(s.Latest)}</td><td>{(s.Behind is null ? "—" : $"{E(s.Behind)} ({Formats.Date(s.Oldest)})")}</td></tr>");
        }

        html.Append("</tbody></table></section></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        @page { size: A4 landscape; margin: 12mm; }
        /* No ligatures: a search for "figures" must find "figures" in the PDF, not "ﬁgures". */
        body { font-family: Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1f2937; font-size: 11pt; margin: 0; font-variant-ligatures: none; }
        section { page-break-after: always; }
        section:last-child { page-break-after: auto; }
        .cover { padding-top: 45mm; }
        h1 { color: #1b5e20; font-size: 28pt; margin: 0 0 8mm; }
        h2 { color: #1b5e20; font-size: 18pt; margin: 0 0 2mm; }
        h3 { color: #1b5e20; font-size: 12pt; margin: 0 0 2mm; }
        .scope { font-size: 14pt; }
        .muted { color: #4b5563; margin: 0 0 4mm; }
        table { border-collapse: collapse; width: 100%; }
        th { background: #1b5e20; color: #fff; text-align: right; padding: 2mm 3mm; }
        td { text-align: right; padding: 2mm 3mm; border-bottom: 0.3mm solid #c8d0c8; }
        th:first-child, td:first-child { text-align: left; }
        tbody tr:nth-child(even) td { background: #eef2ee; }
        .row { display: flex; gap: 6mm; align-items: flex-start; }
        .row img { width: 68%; max-height: 135mm; object-fit: contain; object-position: left top; }
        .points ul { padding-left: 5mm; margin: 0; }
        .points li { margin-bottom: 2mm; }
        dl { font-size: 9pt; color: #4b5563; margin-top: 3mm; }
        dt { font-weight: bold; display: inline; }
        dd { display: inline; margin: 0 4mm 0 1mm; }
        """;
}
