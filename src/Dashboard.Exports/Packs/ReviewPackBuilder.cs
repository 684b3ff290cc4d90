using Dashboard.Application.Packs;
using Dashboard.Exports.Rendering;
using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Time;
using Dashboard.Application.Charts;
using Dashboard.Application.Dashboards;

namespace Dashboard.Exports.Packs;

/// <summary>
/// Builds a review pack for a dashboard context: the view moved to the review period and comparison, each chosen
/// chart from its page's figure definitions, its narrative from the engine, its image from headless Chromium, the
/// KPI summary from the overview's model, and the freshness of the data within the scope.
/// </summary>
public sealed class ReviewPackBuilder(ChartRenderer renderer)
{
    public async Task<ReviewPack> BuildAsync(DashboardContext context, ReviewRequest request, IReadOnlyList<SourceFreshness> sources, string preparedBy,
        IProgress<PackProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sources);
        var view = context.View with { Period = request.Period.Key(), From = null, To = null, Compare = request.Compare };
        var review = context with { View = view };
        var total = request.Charts.Count + 2;
        progress?.Report(new PackProgress("Computing the charts", 0, total));

        var chosen = await Task.Run(() => Charts(review, request.Charts), ct);
        var overview = OverviewPageModel.Build(review.Analysis, review.Scope, review.View, review.Preferences, review.Time)
            ?? throw new UnknownChartException("There is no data in this scope to review.");
        var range = overview.Range;
        var bullets = await Task.Run(() => chosen.Select(c => ChartNarrative.Bullets(review, c.Figure, range, request.Compare)).ToList(), ct);
        progress?.Report(new PackProgress("Drawing the charts", 1, total));

        var caption = ChartScope.Caption(review, range, overview.DataAsOf);
        var images = await renderer.RenderPngAsync([.. chosen.Select(c => c.Figure)], caption, progress: new Progress<int>(n =>
            progress?.Report(new PackProgress($"Drew chart {n} of {chosen.Count}", 1 + n, total))), ct: ct);

        var charts = chosen.Select((c, i) => new ReviewChart(c.Page, c.Figure, images[i], bullets[i], Definitions(c.Figure))).ToList();

        // What media added over the period, from the media model the pages use (fitted once per scope).
        var (media, absent) = IncrementalPanel.Build(await review.Analysis.ResponseModels.GetAsync(review.Scope).WaitAsync(ct), review.Analysis.Snapshot, range, view,
            review.Preferences.Currency);
        var brands = view.Brands.Count > 0 ? string.Join(", ", view.Brands) : "all brands";
        return new ReviewPack(
            $"Business review, {Period(request.Period)}", $"{ChartScope.Filters(review)} · {brands}", range, overview.ComparedWith, overview.DataAsOf,
            overview.Currency, overview.Kpis, charts, sources, preparedBy, review.Time.GetUtcNow(), review.Preferences.Format)
        {
            Media = media?.Total, MediaAbsent = media?.Total is null ? absent ?? "no paid channel has a response curve" : null,
        };
    }

    private static string Period(DatePreset preset) => preset == DatePreset.LastFullQuarter ? "last full quarter" : "last full month";

    private static List<(string Page, ChartFigure Figure)> Charts(DashboardContext context, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            throw new UnknownChartException("Choose at least one chart for the pack.");
        }

        var built = new Dictionary<string, PageReport?>(StringComparer.Ordinal);
        var charts = new List<(string, ChartFigure)>();
        foreach (var key in keys)
        {
            var parts = key.Split('/', 2);
            var page = ReportPages.Find(parts[0]);
            if (page is null || parts.Length < 2)
            {
                throw new UnknownChartException($"No chart \"{key}\": charts are named page/chart, with page one of {string.Join(", ", ReportPages.All.Select(p => p.Key))}.");
            }

            if (!built.TryGetValue(page.Key, out var report))
            {
                report = built[page.Key] = page.Build(context);
            }

            var figure = report?.Charts.FirstOrDefault(c => c.Id == parts[1])
                ?? throw new UnknownChartException($"No chart \"{parts[1]}\" on {page.Title}: it has {string.Join(", ", report?.Charts.Select(c => c.Id) ?? [])}.");
            charts.Add((page.Title, figure));
        }

        return charts;
    }

    private static IReadOnlyList<(string, string)> Definitions(ChartFigure figure) =>
        [.. figure.Measures.Select(MeasureCatalogue.Find).OfType<MeasureDefinition>().Select(d => (d.Name, d.Formula))];
}
