using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Narrative;

/// <summary>
/// Finds the largest movements of a view against its comparison period: first each measure over the whole scope,
/// then the groups (markets, events, channels, ...) that moved most. Groups too small to matter are skipped, so a
/// market going from 2 to 6 actions does not headline as +200%.
/// </summary>
public static class MovementFinder
{
    /// <summary>A group must hold at least this share of the scope's comparison value (sums) to be a headline.</summary>
    public const double MinimumShare = 0.02;

    public static IReadOnlyList<Movement> Find(
        MetricsEngine engine, MetricsQuery view, IReadOnlyList<Dimension> breakdowns, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(breakdowns);
        var query = view with { By = [], Compare = view.Compare == Comparison.None ? Comparison.PreviousPeriod : view.Compare };
        var scope = engine.Run(query);
        var movements = new List<Movement>();
        foreach (var measure in query.Measures)
        {
            if (Moved(scope.Totals, measure, null, null, 1.0) is { } total)
            {
                movements.Add(total);
            }
        }

        var groups = new List<Movement>();
        foreach (var dimension in breakdowns)
        {
            var answer = engine.Run(query with { By = [dimension] });
            foreach (var measure in query.Measures)
            {
                var definition = MeasureRequest.Parse(measure).Definition;
                var scopeComparison = scope.Totals.Comparison![measure].Value;
                foreach (var row in answer.Rows)
                {
                    // Sums are weighed by their share of the scope; rates and ratios by nothing (they are not shares).
                    var share = definition.Unit is MeasureUnit.Count or MeasureUnit.Money && scopeComparison is > 0
                        ? (row.Comparison![measure].Value ?? 0) / scopeComparison.Value
                        : 1.0;
                    if (share >= MinimumShare && Moved(row, measure, dimension, row.Group[dimension], share) is { } m)
                    {
                        groups.Add(m);
                    }
                }
            }
        }

        return movements.Concat(groups.OrderByDescending(m => Math.Abs(m.Change) * Math.Sqrt(m.ShareOfScope)).Take(top)).ToList();
    }

    private static Movement? Moved(AnswerRow row, string measure, Dimension? dimension, string? key, double share)
    {
        var change = row.Change![measure].Value;
        return row.Values[measure].Value is { } value && row.Comparison![measure].Value is { } before && change is { } c
            ? new Movement(measure, dimension, key, value, before, c, row.ChangePoints?.GetValueOrDefault(measure).Value, share)
            : null;
    }
}
