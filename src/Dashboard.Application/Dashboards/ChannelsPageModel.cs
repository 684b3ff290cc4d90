using Dashboard.Attribution;
using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>One measure of one channel with its comparison.</summary>
public sealed record ChannelFigure(double? Value, string? AbsentReason, double? Change, double? ChangePoints);

/// <summary>A channel's row: its figures by measure key.</summary>
public sealed record ChannelRow(string Key, string Name, IReadOnlyDictionary<string, ChannelFigure> Figures);

/// <summary>
/// Channel effectiveness as plain data, from the engine: per channel spend, micro-conversions, cost per
/// micro-conversion, attributed revenue, ROAS and ROI under the chosen attribution model, and the channel ×
/// micro-conversion matrix (which channel drives which action).
/// </summary>
public sealed record ChannelsPageModel(
    DateRange Range,
    DateRange? ComparedWith,
    DateOnly? DataAsOf,
    string Currency,
    string Model,
    string Measure,
    IReadOnlyList<ChannelRow> Channels,
    IReadOnlyList<(string Key, string Name)> Events,
    IReadOnlyList<IReadOnlyList<double?>> Matrix,
    IReadOnlyList<IReadOnlyList<double?>> MatrixShares,
    IReadOnlyList<string> Notes)
{
    public static IReadOnlyList<string> Measures { get; } =
    [
        MeasureCatalogue.Spend, MeasureCatalogue.MicroConversions, MeasureCatalogue.CostPerMicroConversion,
        MeasureCatalogue.AttributedRevenue, MeasureCatalogue.Roas, MeasureCatalogue.Roi,
    ];

    public const string DefaultMeasure = MeasureCatalogue.Roas;

    /// <summary>The attribution models the page offers (key, name), the default first as the engine lists them.</summary>
    public static IReadOnlyList<(string Key, string Name)> Models { get; } = [.. AttributionModels.All.Select(m => (m.Key(), m.Name()))];

    public static string DefaultModel { get; } = AttributionModels.Default.Key();

    /// <summary>The chosen model's name, as the page's note writes it.</summary>
    public string ModelName => AttributionModels.TryParse(Model, out var parsed) ? parsed.Name() : Model;

    public static ChannelsPageModel? Build(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (analysis, view) = (context.Analysis, context.View);
        if (analysis.Snapshot.LastDay is not { } last)
        {
            return null;
        }

        var range = view.Range(context.Time, last);
        var model = view.Model is { } m && AttributionModels.TryParse(m, out var parsed) ? parsed.Key() : AttributionModels.Default.Key();
        var measure = view.Measure is { } chosen && Measures.Contains(chosen) ? chosen : DefaultMeasure;
        var query = new MetricsQuery
        {
            Range = range, Measures = Measures, By = [Dimension.Channel], Filters = view.Filters(), Compare = view.Compare,
            Scope = context.Scope, Currency = context.Preferences.Currency, AttributionModel = model,
        };
        var answer = analysis.Engine.Run(query);
        var reference = analysis.Snapshot.Reference;
        var names = reference.Channels.ToDictionary(c => c.Key, c => c.Name);
        var rows = answer.Rows.Select(r => new ChannelRow(r.Group[Dimension.Channel], names.GetValueOrDefault(r.Group[Dimension.Channel], r.Group[Dimension.Channel]),
                Measures.ToDictionary(k => k, k => new ChannelFigure(r.Values[k].Value, r.Values[k].AbsentReason, r.Change?[k].Value, r.ChangePoints?.GetValueOrDefault(k).Value))))
            .Where(r => r.Figures[MeasureCatalogue.Spend].Value > 0 || r.Figures[MeasureCatalogue.MicroConversions].Value > 0)
            .OrderByDescending(r => r.Figures[MeasureCatalogue.Spend].Value ?? 0).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        // Which channel drives which action: micro-conversions by channel and type.
        var matrix = analysis.Engine.Run(query with { Measures = [MeasureCatalogue.MicroConversions], By = [Dimension.Channel, Dimension.Event], Compare = Comparison.None });
        var cells = matrix.Rows.ToDictionary(r => (r.Group[Dimension.Channel], r.Group[Dimension.Event]), r => r.Values[MeasureCatalogue.MicroConversions].Value);
        var events = reference.Events.Where(e => cells.Any(c => c.Key.Item2 == e.Key && c.Value > 0)).Select(e => (e.Key, e.Name)).ToList();
        IReadOnlyList<IReadOnlyList<double?>> grid = [.. rows.Select(r => (IReadOnlyList<double?>)[.. events.Select(e => cells.GetValueOrDefault((r.Key, e.Key)))])];

        // Each row as the share of that channel's own micro-conversions (its row total is the engine's channel figure),
        // so a small channel's mix reads as clearly as a big one's.
        IReadOnlyList<IReadOnlyList<double?>> shares = [.. rows.Select((r, i) =>
        {
            var total = r.Figures[MeasureCatalogue.MicroConversions].Value;
            return (IReadOnlyList<double?>)[.. grid[i].Select(v => total > 0 && v is { } x ? x / total : null)];
        })];
        return new ChannelsPageModel(range, answer.ComparisonRange, last, answer.Currency, model, measure, rows, events, grid, shares, answer.Notes);
    }
}
