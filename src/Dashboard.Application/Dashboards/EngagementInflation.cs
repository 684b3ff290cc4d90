using Dashboard.Application.Analysis;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>A day whose count of one micro-conversion in one market stands far above that market's and event's norm.</summary>
public sealed record InflatedDay(string Market, string Event, DateOnly Day, double Count, double Median, double RobustDeviations);

/// <summary>
/// Engagement inflation (bots, double-firing tags, a duplicated feed): per market and event, the median and the median
/// absolute deviation (MAD, scaled by 1.4826 to estimate a standard deviation) of the daily counts over the last
/// <see cref="Days"/> days of data; a day more than the configured number of these robust deviations above the median
/// is flagged. Robust statistics, so the spike itself does not widen the norm it is measured against.
/// </summary>
public static class EngagementInflation
{
    public const int Days = 90;

    /// <summary>Days below this count are not flagged: a jump from 1 to 9 is noise, not inflation.</summary>
    public const double MinimumCount = 20;

    public static IReadOnlyList<InflatedDay> Find(SnapshotAnalysis analysis, double deviations)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Snapshot.LastDay is not { } last)
        {
            return [];
        }

        var answer = analysis.Engine.Run(new MetricsQuery
        {
            Range = new DateRange(last.AddDays(1 - Days), last),
            Measures = ["micro_conversions"],
            By = [Dimension.Market, Dimension.Event, Dimension.Day],
            Scope = AccessScope.All,
        });
        var found = new List<InflatedDay>();
        foreach (var series in answer.Rows.GroupBy(r => (Market: r.Group[Dimension.Market], Event: r.Group[Dimension.Event])))
        {
            var days = series.Select(r => (Day: DateOnly.ParseExact(r.Group[Dimension.Day], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Count: r.Values["micro_conversions"].Value ?? 0)).ToList();
            if (days.Count < 14)
            {
                continue;
            }

            var median = Median(days.Select(d => d.Count));
            var scale = 1.4826 * Median(days.Select(d => Math.Abs(d.Count - median)));
            if (scale <= 0)
            {
                continue;
            }

            found.AddRange(days
                .Where(d => d.Count >= MinimumCount && (d.Count - median) / scale > deviations)
                .Select(d => new InflatedDay(series.Key.Market, series.Key.Event, d.Day, d.Count, median, (d.Count - median) / scale)));
        }

        return [.. found.OrderByDescending(f => f.RobustDeviations)];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
