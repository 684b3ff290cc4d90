using Dashboard.Attribution.Planning;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Incremental;

/// <summary>One paid channel in the sales-only model: its chosen curve (β in revenue per unit of market scale), or why it has none.</summary>
public sealed record RevenueOnlyChannel(string Channel, string Name, HillCurve? Curve, string? AbsentReason);

/// <summary>
/// The revenue-only model (METRICS.md: `--model revenue`), fitted on spend and sales alone as Robyn, Meridian and
/// PyMC-Marketing fit: each market's sales = its own base (the valuation's: spline level, weekday, holiday, season,
/// context) + Σ_c β_c · scale · Hill(adstock_c / scale), one curve per channel pooled over markets (scale = the market's
/// mean daily sales, as the planner's curves). Each channel's carry-over and saturation are chosen from a grid by least
/// squares, one channel at a time until no choice changes (the β's are linear given the shapes, so every candidate
/// is profiled exactly from cross-products). The figures come from refitting on markets drawn with replacement, the
/// choice of shapes included: the refits' mean, and their 5th to 95th percentiles as the band (a band read off one
/// fit's shapes leaves out the uncertainty that matters most).
/// It is the check on the mediated model, and the only model where a scope tracks no micro-conversions.
/// </summary>
public sealed class RevenueOnlyModel
{
    public const string Kind = "revenue";

    /// <summary>Fewer markets than this cannot tell how much the fit moves from market to market: no band, so no figure.</summary>
    public const int MinMarkets = 6;

    private const int Replicates = 200;
    private const int MaxSweeps = 6;
    private const int CurrentDays = ResponseModel.CurrentDays;

    /// <summary>
    /// Carry-overs tried (λ, shape): geometric from none to a mean lag of 9 days, and delayed peaks on about days 2, 5, 8
    /// and 11: sales see media's own carry-over and, after it, the lags of the actions it drives.
    /// </summary>
    private static readonly (double Lambda, double Shape)[] CarryOvers = [(0, 0), (0.3, 0), (0.5, 0), (0.7, 0), (0.85, 0), (0.9, 0), (0.5, 2), (0.7, 2), (0.8, 2), (0.85, 2)];

    /// <summary>Half saturation as multiples of the channel's median steady adstock per scale, and the Hill exponents tried.</summary>
    private static readonly double[] HalfSaturations = [0.5, 1, 2];

    /// <remarks>
    /// 0.5 as well: below 1 a curve is steepest at no spend, as a power response is; the quarter's figure takes spend to 0,
    /// and with exponents 1 and 2 alone the planted study worlds' power responses (exponents 0.4–0.85) came out 38% low.
    /// </remarks>
    private static readonly double[] Alphas = [0.5, 1, 2];

    private readonly RevenueOnlyData _data;
    private readonly HillCurve[][] _candidates;
    private readonly int[] _chosen;
    private readonly (int[] Chosen, double[] Beta)[] _replicates;

    private RevenueOnlyModel(RevenueOnlyData data, HillCurve[][] candidates, int[] chosen, (int[] Chosen, double[] Beta)[] replicates,
        IReadOnlyList<RevenueOnlyChannel> channels, IReadOnlyList<string> notes)
    {
        _data = data;
        _candidates = candidates;
        _chosen = chosen;
        _replicates = replicates;
        Channels = channels;
        Notes = notes;
    }

    public IReadOnlyList<RevenueOnlyChannel> Channels { get; }

    public IReadOnlyList<string> MarketCodes => _data.MarketCodes;

    public DateOnly FirstDay => DateOnly.FromDayNumber(_data.First);

    public DateOnly LastDay => DateOnly.FromDayNumber(_data.First + _data.Days - 1);

    public IReadOnlyList<string> Notes { get; }

    /// <summary>Whether the scope had enough markets for a band (without one, no figure is given).</summary>
    public bool HasBand => _replicates.Length > 0;

    /// <exception cref="MetricsQueryException">No sales or no spend in scope.</exception>
    public static RevenueOnlyModel Fit(FactSnapshot snapshot, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var data = RevenueOnlyData.Build(snapshot, scope, notes);
        var channels = new List<RevenueOnlyChannel>();
        var candidates = new HillCurve[data.Channels][];
        for (var c = 0; c < data.Channels; c++)
        {
            var (key, name) = data.ChannelNames[c];
            candidates[c] = Candidates(data, c);
            channels.Add(new RevenueOnlyChannel(key, name, null, candidates[c].Length == 0 ? "no spend in the markets of the fit" : null));
        }

        var fitted = Enumerable.Range(0, candidates.Length).Where(c => candidates[c].Length > 0).ToArray();
        var alwaysOn = fitted.Where(c => QuietShare(data, c) < QuietDays).Select(c => channels[c].Name).ToList();
        if (alwaysOn.Count > 0)
        {
            notes.Add($"sales-only model: {string.Join(", ", alwaysOn)} spent at least a tenth of their average on nearly every day, so what their first dollars return is read off the curve below any spend seen, which sales alone cannot check: their figures may be low");
        }

        var blocks = CrossProducts.Build(data, fitted, [.. fitted.Select(c => candidates[c])]);
        var start = fitted.Select(c => candidates[c].Length / 2).ToArray();
        var (chosenFitted, betaFitted) = Choose(blocks.Sum(null), blocks.Offsets, start);
        var chosen = Enumerable.Repeat(-1, candidates.Length).ToArray();
        for (var i = 0; i < fitted.Length; i++)
        {
            chosen[fitted[i]] = chosenFitted[i];
            channels[fitted[i]] = channels[fitted[i]] with { Curve = candidates[fitted[i]][chosenFitted[i]] with { Beta = betaFitted[i] } };
        }

        var replicates = Array.Empty<(int[], double[])>();
        if (blocks.Markets < MinMarkets)
        {
            notes.Add($"sales-only model: {blocks.Markets} market(s) in scope, fewer than the {MinMarkets} its band needs, so it gives no figures");
        }
        else if (fitted.Length > 0)
        {
            var random = new Random(20261207);
            replicates = new (int[], double[])[Replicates];
            for (var b = 0; b < Replicates; b++)
            {
                var drawn = Enumerable.Range(0, blocks.Markets).Select(_ => random.Next(blocks.Markets)).ToArray();
                var (cb, bb) = Choose(blocks.Sum(drawn), blocks.Offsets, chosenFitted);
                var (rc, rb) = (Enumerable.Repeat(-1, candidates.Length).ToArray(), new double[candidates.Length]);
                for (var i = 0; i < fitted.Length; i++)
                {
                    (rc[fitted[i]], rb[fitted[i]]) = (cb[i], bb[i]);
                }

                replicates[b] = (rc, rb);
            }
        }

        return new RevenueOnlyModel(data, candidates, chosen, replicates, channels, [.. notes]);
    }

    /// <summary>Sales over the dates in the markets (all when null), USD; days without a rate are left out.</summary>
    public double Revenue(IReadOnlySet<string>? markets, DateOnly from, DateOnly to)
    {
        var sum = 0.0;
        for (var m = 0; m < MarketCodes.Count; m++)
        {
            if (markets is not null && !markets.Contains(MarketCodes[m]))
            {
                continue;
            }

            for (var d = Math.Max(0, from.DayNumber - _data.First); d <= Math.Min(_data.Days - 1, to.DayNumber - _data.First); d++)
            {
                sum += double.IsNaN(_data.Revenue[m][d]) ? 0 : _data.Revenue[m][d];
            }
        }

        return sum;
    }

    /// <summary>What the channel's spend on the period added to sales in the markets counted (all when null), with its band; null without a curve or a band.</summary>
    /// <exception cref="MetricsQueryException">A period outside the fitted data, or an unknown channel.</exception>
    public IncrementalFigure? Of(string channel, DateOnly from, DateOnly to, IReadOnlySet<string>? markets = null, double interval = 0.9)
    {
        var c = Channels.ToList().FindIndex(x => x.Channel == channel);
        if (c < 0)
        {
            throw new MetricsQueryException($"unknown paid channel '{channel}'");
        }

        return Figures([c], from, to, markets, interval).Channels.SingleOrDefault();
    }

    /// <summary>Every channel with a curve, and their total (each channel's spend removed in turn), the total's band from the same refits.</summary>
    public (IReadOnlyList<IncrementalFigure> Channels, IncrementalFigure? Total) All(DateOnly from, DateOnly to, IReadOnlySet<string>? markets = null, double interval = 0.9) =>
        Figures([.. Enumerable.Range(0, Channels.Count)], from, to, markets, interval);

    private (IReadOnlyList<IncrementalFigure> Channels, IncrementalFigure? Total) Figures(int[] channels, DateOnly from, DateOnly to, IReadOnlySet<string>? markets, double interval)
    {
        ChannelIncrement.RequireWithin(from, to, _data.First, _data.Days);
        var (p0, p1) = (from.DayNumber - _data.PaddedFirst, to.DayNumber - _data.PaddedFirst);

        if (_replicates.Length == 0)
        {
            return ([], null);
        }

        var counted = Enumerable.Range(0, _data.MarketCodes.Count).Where(m => markets is null || markets.Contains(_data.MarketCodes[m])).ToArray();
        var figures = new List<IncrementalFigure>();
        var totals = new double[_replicates.Length];
        double total = 0, totalSpend = 0, totalBeyond = 0;
        var (lowQ, highQ) = ((1 - interval) / 2, 1 - ((1 - interval) / 2));
        foreach (var c in channels.Where(c => _chosen[c] >= 0))
        {
            // Per unit of β, for each shape the fit or a refit chose: the refits choose few.
            var gains = new Dictionary<int, (double All, double Beyond)>();
            (double All, double Beyond) Gain(int candidate)
            {
                if (!gains.TryGetValue(candidate, out var g))
                {
                    g = (0, 0);
                    foreach (var m in counted)
                    {
                        var (all, beyond) = _data.Gain(_candidates[c][candidate], m, c, p0, p1);
                        g = (g.All + all, g.Beyond + beyond);
                    }

                    gains[candidate] = g;
                }

                return g;
            }

            var point = Gain(_chosen[c]);
            var draws = new double[_replicates.Length];
            for (var b = 0; b < _replicates.Length; b++)
            {
                draws[b] = _replicates[b].Beta[c] * Gain(_replicates[b].Chosen[c]).All;
                totals[b] += draws[b];
            }

            // The refits' mean (bagging): one fit's choice of shapes jumps between neighbours of the grid, and its figure
            // with it; the mean over refits is smoother and sits inside their band (Efron 2014, estimation after model selection).
            var revenue = draws.Average();

            var spend = counted.Sum(m => _data.SpendOn(m, c, p0, p1));
            figures.Add(new IncrementalFigure(Channels[c].Channel, Channels[c].Name, from, to, spend,
                new Estimate(revenue, Quantiles.Of(draws, lowQ), Quantiles.Of(draws, highQ)), point.All != 0 ? point.Beyond / point.All : 0));
            (total, totalSpend, totalBeyond) = (total + revenue, totalSpend + spend, totalBeyond + (point.All != 0 ? revenue * point.Beyond / point.All : 0));
        }

        return figures.Count == 0 ? (figures, null) : (figures, new IncrementalFigure("all", "All paid channels", from, to, totalSpend,
            new Estimate(total, Quantiles.Of(totals, lowQ), Quantiles.Of(totals, highQ)), total != 0 ? totalBeyond / total : 0));
    }

    /// <summary>Below this share of market-days near no spend, a channel's return from its first dollars is an extrapolation.</summary>
    private const double QuietDays = 0.05;

    /// <summary>The share of its markets' days on which the channel spent under a tenth of its mean there.</summary>
    private static double QuietShare(RevenueOnlyData data, int c)
    {
        var (quiet, days) = (0, 0);
        for (var m = 0; m < data.MarketCodes.Count; m++)
        {
            var spend = data.Spend[m][c].AsSpan(data.Lag);
            var mean = spend.Length == 0 ? 0 : data.SpendOn(m, c, data.Lag, data.Lag + spend.Length - 1) / spend.Length;
            if (mean <= 0)
            {
                continue;
            }

            foreach (var x in spend)
            {
                quiet += x < 0.1 * mean ? 1 : 0;
            }

            days += spend.Length;
        }

        return days == 0 ? 1 : (double)quiet / days;
    }

    /// <summary>The grid of a channel's curves (β = 1), half saturation relative to its median steady adstock per scale at each carry-over.</summary>
    private static HillCurve[] Candidates(RevenueOnlyData data, int c)
    {
        var candidates = new List<HillCurve>();
        foreach (var (lambda, shape) in CarryOvers)
        {
            var carry = new HillCurve(1, lambda, 1, 1, shape).Carry;
            var perScale = new List<double>();
            for (var m = 0; m < data.MarketCodes.Count; m++)
            {
                perScale.AddRange(data.Spend[m][c].Where(x => x > 0).Select(x => x * carry / data.Scale[m]));
            }

            if (perScale.Count == 0)
            {
                return [];
            }

            perScale.Sort();
            var median = perScale[perScale.Count / 2];
            foreach (var k in HalfSaturations)
            {
                candidates.AddRange(Alphas.Select(alpha => new HillCurve(1, lambda, k * median, alpha, shape)));
            }
        }

        return [.. candidates];
    }

    /// <summary>
    /// Each channel's candidate chosen in turn with the others held, until a sweep changes none (or after
    /// <see cref="MaxSweeps"/>); the β's of the final choice. <paramref name="gram"/> is the cross-products of every
    /// candidate column and sales (last).
    /// </summary>
    private static (int[] Chosen, double[] Beta) Choose(double[,] gram, int[] offsets, int[] start)
    {
        var chosen = (int[])start.Clone();
        var channels = chosen.Length;
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var changed = false;
            for (var c = 0; c < channels; c++)
            {
                var candidates = offsets[c + 1] - offsets[c];
                var (best, bestRss) = (chosen[c], double.PositiveInfinity);
                for (var i = 0; i < candidates; i++)
                {
                    chosen[c] = i;
                    var rss = Solve(gram, Columns(offsets, chosen), out _);
                    if (rss < bestRss - 1e-12)
                    {
                        (best, bestRss) = (i, rss);
                    }
                }

                changed |= chosen[c] != best;
                chosen[c] = best;
            }

            if (!changed)
            {
                break;
            }
        }

        Solve(gram, Columns(offsets, chosen), out var beta);
        return (chosen, beta);
    }

    private static int[] Columns(int[] offsets, int[] chosen) => [.. chosen.Select((i, c) => offsets[c] + i)];

    /// <summary>
    /// Least squares on the chosen columns from the cross-products (a relative ridge of 1e-9 keeps collinear columns
    /// solvable); the residual sum of squares. Unbounded: a channel whose spend met falling sales comes out below 0
    /// rather than at a bound, so a null channel's band stays centred on 0 (bounded at 0, the refits' mean and
    /// band of a planted null channel sat above it), and the sign says what sales alone read.
    /// </summary>
    private static double Solve(double[,] gram, int[] columns, out double[] beta)
    {
        var k = columns.Length;
        var y = gram.GetLength(0) - 1;
        var a = new double[k, k];
        var b = new double[k];
        var trace = 0.0;
        for (var i = 0; i < k; i++)
        {
            trace += gram[columns[i], columns[i]];
        }

        for (var i = 0; i < k; i++)
        {
            b[i] = gram[columns[i], y];
            for (var j = 0; j < k; j++)
            {
                a[i, j] = gram[columns[i], columns[j]];
            }

            a[i, i] += 1e-9 * trace / Math.Max(1, k);
        }

        beta = Cholesky(a, b);
        var explained = 0.0;
        for (var i = 0; i < k; i++)
        {
            explained += b[i] * beta[i];
        }

        return gram[y, y] - explained;
    }

    /// <summary>A small positive definite system by Cholesky, without allocating a matrix object: it is solved hundreds of thousands of times.</summary>
    private static double[] Cholesky(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var p = 0; p < j; p++)
                {
                    sum -= l[i, p] * l[j, p];
                }

                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-300)) : sum / l[j, j];
            }
        }

        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var p = 0; p < i; p++)
            {
                sum -= l[i, p] * z[p];
            }

            z[i] = sum / l[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var p = i + 1; p < n; p++)
            {
                sum -= l[p, i] * x[p];
            }

            x[i] = sum / l[i, i];
        }

        return x;
    }
}
