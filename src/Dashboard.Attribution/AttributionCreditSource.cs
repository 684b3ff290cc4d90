using System.Globalization;
using Dashboard.Attribution.Models;
using Dashboard.Attribution.Paths;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution;

/// <summary>
/// The engine's source of channel credit shares: one path build over the whole partition, each path assigned to its
/// scope, each scope credited on its own paths (so a market's shares come from that market's journeys only).
/// Shares are of revenue credit; where a scope's paths carry no revenue, of conversion credit.
/// </summary>
public sealed class AttributionCreditSource(FactSnapshot snapshot) : IChannelCreditSource
{
    /// <summary>Below this many conversions (converting paths) in a query's dates and markets, the answer says the split is rough.</summary>
    public const int ThinBasis = 100;

    public IReadOnlyList<string> Models { get; } = [.. AttributionModels.All.Select(m => m.Key())];

    public double[]?[] Shares(CreditPartition partition, string model, string currency, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (!AttributionModels.TryParse(model, out var parsed))
        {
            throw new MetricsQueryException($"'{model}' is not an attribution model (known: {string.Join(", ", Models)})");
        }

        var markets = partition.MarketGroup.Select(g => g >= 0).ToArray();
        var paths = PathBuilder.Build(snapshot, markets, partition.FirstDay, partition.LastDay, 30, currency, notes);
        var byScope = new List<int>[partition.Scopes];
        for (var p = 0; p < paths.Count; p++)
        {
            var scope = partition.ScopeOf(paths.EndDay[p], paths.Market[p]);
            if (scope >= 0)
            {
                (byScope[scope] ??= []).Add(p);
            }
        }

        var shares = new double[]?[partition.Scopes];
        var converting = 0;
        for (var scope = 0; scope < shares.Length; scope++)
        {
            if (byScope[scope] is { } members)
            {
                var subset = paths.Subset(members, 0);
                converting += subset.Conversions;
                shares[scope] = Normalise(Credit(subset, parsed));
            }
        }

        // Attributed revenue is sales revenue times these shares, so a handful of journeys can move millions: say so.
        if (converting < ThinBasis)
        {
            // Dated, because a comparison period asks on its own and its note would read the same.
            var (from, to) = (DateOnly.FromDayNumber(partition.FirstDay), DateOnly.FromDayNumber(partition.LastDay));
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"channel credit for {from:yyyy-MM-dd} – {to:yyyy-MM-dd} rests on {converting} conversions in these markets: with fewer than {ThinBasis}, the split between channels is rough"));
        }

        return shares;
    }

    private static Credit Credit(PathSet paths, AttributionModel model) => model switch
    {
        AttributionModel.Markov => MarkovModel.Run(paths).Credit,
        AttributionModel.Shapley => ShapleyModel.Run(paths),
        _ => RuleBasedModels.Run(paths, model),
    };

    private static double[]? Normalise(Credit credit)
    {
        var revenue = credit.Revenue.Sum();
        var basis = revenue > 0 ? credit.Revenue : credit.Conversions;
        var total = revenue > 0 ? revenue : credit.Conversions.Sum();
        return total > 0 ? [.. basis.Select(c => c / total)] : null;
    }
}
