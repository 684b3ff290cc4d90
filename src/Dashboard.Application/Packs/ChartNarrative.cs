using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Narrative;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using Dashboard.Application.Charts;
using Dashboard.Application.Dashboards;

namespace Dashboard.Application.Packs;

/// <summary>
/// A chart's talking points from the engine's narrative facts: how each of its measures moved over the scope, then
/// the groups (markets, channels, …) that moved most, worded by <see cref="NarrativeWriter"/>. Two to four sentences.
/// </summary>
public static class ChartNarrative
{
    public const int MaxBullets = 4;

    public static IReadOnlyList<string> Bullets(DashboardContext context, ChartFigure figure, DateRange range, Comparison compare)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(figure);
        var engine = context.Analysis.Engine;
        var measures = figure.Measures.Where(m => MeasureCatalogue.Find(m) is not null).Take(3).ToList();
        var query = new MetricsQuery
        {
            Range = range, Measures = measures, Filters = context.View.Filters(), Scope = context.Scope, Currency = context.Preferences.Currency,
            Compare = compare == Comparison.None ? Comparison.PreviousPeriod : compare, AttributionModel = context.View.Model ?? "markov",
        };
        var totals = MovementFinder.Find(engine, query, []);

        // Each breakdown only with the measures it supports (revenue is kept by market, not by channel).
        var groups = new List<Movement>();
        foreach (var dimension in figure.Breakdowns)
        {
            var supported = measures.Where(m => MeasureCatalogue.Find(m)!.IsSupported(dimension)).ToList();
            if (supported.Count > 0)
            {
                groups.AddRange(MovementFinder.Find(engine, query with { Measures = supported }, [dimension]).Where(m => m.Dimension is not null));
            }
        }

        // A group that is the whole scope (the one market chosen) would repeat the scope's own sentence.
        var movers = totals.Concat(groups
            .Where(g => !totals.Any(t => t.Measure == g.Measure && t.Value.Equals(g.Value)))
            .OrderByDescending(m => Math.Abs(m.Change) * Math.Sqrt(m.ShareOfScope))).ToList();
        var label = GroupLabels.For(context.Analysis.Snapshot.Reference);
        var comparison = query.Compare == Comparison.SamePeriodLastYear ? "the same period last year" : "the previous period";
        var bullets = NarrativeWriter.Write(movers, label, comparison, context.Preferences.Format, context.Preferences.Currency, MaxBullets).ToList();
        if (bullets.Count < 2)
        {
            // Too little to say from movements alone: say so plainly rather than leave the slide bare.
            bullets.Add(bullets.Count == 0
                ? $"No comparison-period data for these measures in {Formatting.Formats.Date(range.From)} – {Formatting.Formats.Date(range.To)}."
                : "No market, channel or type within the scope moved enough to single out.");
        }

        return bullets;
    }
}
