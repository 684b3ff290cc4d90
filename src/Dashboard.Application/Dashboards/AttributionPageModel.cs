using Dashboard.Application.Filters;
using Dashboard.Application.Analysis;
using Dashboard.Application.Charts;
using Dashboard.Application.Preferences;
using Dashboard.Attribution;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>One channel's row: the conversions each model credits it with, in the order of <see cref="AttributionPageModel.Results"/>.</summary>
public sealed record AttributionChannelRow(string Key, string Name, IReadOnlyList<double> Conversions, double? RemovalEffect);

/// <summary>
/// The Attribution models page: every model's credit of the same conversions over the chosen period, channels in the
/// order of their Markov credit (the product's default model), and the figure comparing them.
/// </summary>
public sealed record AttributionPageModel(
    PeriodView View,
    DateRange Range,
    IReadOnlyList<AttributionResult> Results,
    IReadOnlyList<AttributionChannelRow> Channels,
    double? ConversionProbability,
    ChartFigure Figure)
{
    public AttributionTotals Totals => Results[0].Totals;

    public string Currency => Results[0].Currency;

    /// <summary>The models' names, in the order of each channel's <see cref="AttributionChannelRow.Conversions"/>.</summary>
    public IReadOnlyList<string> ModelNames => [.. Results.Select(r => r.Model.Name())];

    /// <summary>No conversion to attribute in the period (the page says so instead of drawing empty bars).</summary>
    public bool IsEmpty => Results.Count == 0 || Totals.Conversions == 0;

    /// <summary>Null when the data have no day yet.</summary>
    public static AttributionPageModel? Build(SnapshotAnalysis analysis, AccessScope scope, DisplayPreferences preferences, PeriodView view)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(view);
        if (analysis.Snapshot.LastDay is not { } last)
        {
            return null;
        }

        var range = new DateRange(last.AddDays(1 - view.Days), last);
        var results = analysis.Attribution.Compare(new AttributionQuery { Range = range, Scope = scope, Currency = preferences.Currency });
        var markov = results.FirstOrDefault(r => r.Model == AttributionModel.Markov);
        // Channels credited by some model, in the order of their Markov credit.
        var channels = (markov ?? results[0]).Channels
            .Where(c => results.Any(r => r.Channels.Single(x => x.Channel == c.Channel).Conversions > 0))
            .Select(c => new AttributionChannelRow(c.Channel, c.Name,
                [.. results.Select(r => r.Channels.Single(x => x.Channel == c.Channel).Conversions)],
                markov?.Channels.Single(x => x.Channel == c.Channel).RemovalEffect))
            .ToList();
        return new AttributionPageModel(view, range, results, channels, markov?.ConversionProbability,
            AttributionCharts.Comparison(results, channels, preferences.Format));
    }
}
