using Dashboard.Attribution.Models;
using Dashboard.Attribution.Paths;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution;

/// <summary>
/// Credits conversions and revenue to channels from the journeys of a scope, under any model. Reads the same immutable
/// snapshot as the metrics engine (journeys, reference lists, FX), so its scope and money rules are the engine's.
/// </summary>
public sealed class AttributionService(FactSnapshot snapshot)
{
    public FactSnapshot Snapshot => snapshot;

    public AttributionResult Run(AttributionQuery query)
    {
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var paths = Paths(query, notes);
        return Credit(paths, query, query.Model, notes);
    }

    /// <summary>Every model on the same paths, side by side.</summary>
    public IReadOnlyList<AttributionResult> Compare(AttributionQuery query)
    {
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var paths = Paths(query, notes);
        return [.. AttributionModels.All.Select(m => Credit(paths, query, m, notes))];
    }

    public PathSet Paths(AttributionQuery query, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(query);
        var currency = query.Currency.ToUpperInvariant();
        if (currency != "USD" && !snapshot.Reference.Currencies.Contains(currency) && !snapshot.Fx.Currencies.Contains(currency))
        {
            throw new MetricsQueryException($"'{query.Currency}' has no exchange rates: pick a currency with rates");
        }

        return PathBuilder.Build(snapshot, query, notes);
    }

    private AttributionResult Credit(PathSet paths, AttributionQuery query, AttributionModel model, SortedSet<string> notes)
    {
        double? probability = null;
        double[]? removal = null;
        Credit credit;
        switch (model)
        {
            case AttributionModel.Markov:
                var markov = MarkovModel.Run(paths, query.MarkovOrder);
                (credit, probability, removal) = (markov.Credit, markov.ConversionProbability, markov.RemovalEffects);
                break;
            case AttributionModel.Shapley:
                credit = ShapleyModel.Run(paths);
                break;
            default:
                credit = RuleBasedModels.Run(paths, model, query.HalfLifeDays);
                break;
        }

        var revenueKnown = paths.RevenueMissing == 0;
        var runNotes = notes.ToList();
        if (!revenueKnown)
        {
            runNotes.Add($"{paths.RevenueMissing} conversions have no exchange rate for their month or before it: revenue credit is absent");
        }

        var channels = snapshot.Reference.Channels;
        var rows = Enumerable.Range(0, channels.Count)
            .Select(c => new ChannelCredit(channels[c].Key, channels[c].Name, credit.Conversions[c], revenueKnown ? credit.Revenue[c] : null,
                removal is null || double.IsNaN(removal[c]) ? null : removal[c]))
            .OrderByDescending(c => c.Conversions).ThenBy(c => c.Channel, StringComparer.Ordinal)
            .ToList();
        var totals = new AttributionTotals(paths.Conversions, revenueKnown ? paths.TotalRevenue : null, paths.Count);
        return new AttributionResult(model, query.Currency.ToUpperInvariant(), query.LookbackDays, totals, rows,
            probability is { } p && double.IsFinite(p) ? p : null, runNotes);
    }
}
