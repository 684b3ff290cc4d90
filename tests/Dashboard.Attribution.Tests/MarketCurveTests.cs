using Dashboard.Attribution.Planning;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// Markets' own curves on synthetic series whose per-market effectiveness is planted: the shrunk estimates recover
/// real differences, a market with little data keeps more of the pool, and markets that do not differ keep the pool.
/// </summary>
public sealed class MarketCurveTests
{
    private const double Lambda = 0.5;
    private const double Half = 0.5;
    private const double Alpha = 1.5;
    private const double Beta = 0.05;
    private const double Scale = 1_000;

    /// <summary>A market's daily series: spend in flights around 300 a day, Poisson actions on the planted curve.</summary>
    private static ChannelSeries Market(string code, double logBetaOffset, int days, int seed)
    {
        var random = new Random(seed);
        var spend = new double[days];
        var actions = new double[days];
        var a = 300 / (1 - Lambda);
        for (var t = 0; t < days; t++)
        {
            var flight = (t / 30) % 3 == 0 ? 2.2 : (t / 30) % 3 == 1 ? 0.4 : 1.0;
            spend[t] = 300 * flight * Math.Exp(0.3 * ((random.NextDouble() * 2) - 1));
            a = spend[t] + (Lambda * a);
            var mean = Beta * Math.Exp(logBetaOffset) * Scale * HillCurve.Hill(a / Scale, Half, Alpha);
            actions[t] = Sampling.Poisson(random, mean);
        }

        return new ChannelSeries(code, Scale, spend, actions, [.. Enumerable.Repeat(1.0, days)], [.. Enumerable.Repeat(true, days)]);
    }

    private static List<(double[] Offset, double[,] Covariance)> Estimates(IReadOnlyList<ChannelSeries> markets, CurveFit pooled) =>
        [.. markets.Select(m => CurveFitter.FitMarket(m, pooled) ?? throw new InvalidOperationException($"{m.Market}: no fit"))];

    /// <summary>A market's β as its curve says (pooled theta plus its offset).</summary>
    private static double BetaOf(CurveFit pooled, double[] offset) => pooled.At(CurveFitter.Offset(pooled.Theta, offset)).Beta;

    [Fact]
    public void Markets_that_differ_keep_their_own_effectiveness_and_a_short_history_keeps_more_of_the_pool()
    {
        double[] planted = [-0.4, -0.2, 0, 0.2, 0.4, 0.4];
        var markets = planted.Select((d, i) => Market($"M{i}", d, i == 5 ? 120 : 720, 100 + i)).ToList();
        var pooled = CurveFitter.Fit(markets)!;
        var shrunk = MarketShrinkage.Shrink(Estimates(markets, pooled));

        // Within 15% of the planted β for the five markets with two years of data.
        for (var m = 0; m < 5; m++)
        {
            var beta = BetaOf(pooled, shrunk[m].Offset);
            var truth = Beta * Math.Exp(planted[m]);
            Assert.True(Math.Abs(Math.Log(beta / truth)) < 0.15, $"M{m}: β {beta:0.0000}, planted {truth:0.0000}");
            Assert.True(shrunk[m].Weight > 0.5, $"M{m} keeps {shrunk[m].Weight:P0} of its own estimate");
        }

        // Ordered as planted.
        for (var m = 1; m < 5; m++)
        {
            Assert.True(BetaOf(pooled, shrunk[m].Offset) > BetaOf(pooled, shrunk[m - 1].Offset), $"M{m} above M{m - 1}");
        }

        // M5 has M4's planted effectiveness on 120 days instead of 720: its estimate is less sure and pulled further in.
        Assert.True(shrunk[5].Weight < shrunk[4].Weight, $"weights: 120 days {shrunk[5].Weight:0.000}, 720 days {shrunk[4].Weight:0.000}");
        Assert.True(shrunk[5].Covariance[0, 0] > shrunk[4].Covariance[0, 0]);
    }

    [Fact]
    public void Markets_that_do_not_differ_keep_the_pooled_curve()
    {
        var markets = Enumerable.Range(0, 6).Select(i => Market($"M{i}", 0, 720, 200 + i)).ToList();
        var pooled = CurveFitter.Fit(markets)!;
        var raw = Estimates(markets, pooled);
        var shrunk = MarketShrinkage.Shrink(raw);

        // Their own estimates scatter by sampling noise alone; shrunk, each β is within 3% of the pool's.
        for (var m = 0; m < markets.Count; m++)
        {
            Assert.True(Math.Abs(shrunk[m].Offset[0]) <= Math.Abs(raw[m].Offset[0]) + 1e-12, $"M{m} shrinks toward the pool");
            Assert.True(Math.Abs(BetaOf(pooled, shrunk[m].Offset) / pooled.Curve.Beta - 1) < 0.03, $"M{m}: β {BetaOf(pooled, shrunk[m].Offset):0.00000}, pool {pooled.Curve.Beta:0.00000}");
        }
    }

    [Fact]
    public void Fewer_than_three_markets_cannot_tell_difference_from_noise_and_keep_the_pool()
    {
        var markets = new[] { Market("A", -0.4, 720, 300), Market("B", 0.4, 720, 301) };
        var pooled = CurveFitter.Fit(markets)!;
        var shrunk = MarketShrinkage.Shrink(Estimates(markets, pooled));

        Assert.All(shrunk, s => Assert.True(Math.Abs(s.Offset[0]) < 1e-6 && s.Weight == 0));
    }
}
