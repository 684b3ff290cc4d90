using Dashboard.Attribution.Incremental;
using Dashboard.Domain.Reference;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// The sales-only model on a planted world of another structure than its own: lags as a flat 7-day window and as a
/// peak on day 5 (neither is a carry-over it tries), saturation 1 − e^(−a/θ) (not Hill), a base with a drifting
/// yearly wave per market, persistent multiplicative noise, and one channel that does nothing. The truth is the
/// expected sales with a quarter's spend less the same with it at 0, by hand from the planted equations.
/// </summary>
public sealed class RevenueOnlyModelTests
{
    private static readonly DateOnly First = new(2024, 1, 1);

    private const int Days = 730;

    private const int Markets = 10;

    /// <summary>The quarter whose spend is removed: its carry-over ends well inside the data.</summary>
    private const int From = 500;

    private const int To = 590;

    /// <summary>Per channel: spend per day in a flight as a share of the market's scale, response ceiling R and saturation θ (shares of scale), lag weights.</summary>
    private static readonly (string Key, double Level, double Ceiling, double Theta, double[] Lag)[] Channels =
    [
        ("paid_search", 0.02, 0.10, 0.03, [.. Enumerable.Repeat(1.0 / 7, 7)]),
        ("online_video", 0.015, 0.08, 0.02, Normalised([.. Enumerable.Range(0, 21).Select(l => Math.Pow(l + 1, 3) * Math.Pow(0.6, l))])),
        ("display", 0.01, 0, 1, [1.0]),
    ];

    /// <summary>
    /// Four seeds, pooled: the planted channels' figures are right to 10% at the median and 25% at worst (their ROAS is
    /// about 2.5, so that tells 2.5 from 2 or 3), and at least 6 of their 8 bands hold the truth (a 90% band misses more
    /// than 2 of 8 in under 4% of runs); the channel that does nothing has bands holding 0 in at least 3 of 4, and none
    /// reaching up to an effect the size of the others'.
    /// </summary>
    [Fact]
    public void The_channels_added_revenue_is_recovered_and_a_channel_that_does_nothing_holds_zero()
    {
        var (from, to) = (First.AddDays(From), First.AddDays(To));
        var (errors, covered, zeroHeld, report) = (new List<double>(), 0, 0, new List<string>());
        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            var (snapshot, truth, spendInPeriod) = Plant(seed);
            var model = RevenueOnlyModel.Fit(snapshot, AccessScope.All);
            var smallest = Enumerable.Range(0, Channels.Length).Where(i => Channels[i].Ceiling > 0).Min(i => truth[i] / spendInPeriod[i]);
            for (var c = 0; c < Channels.Length; c++)
            {
                var figure = model.Of(Channels[c].Key, from, to)!;
                Assert.Equal(spendInPeriod[c], figure.SpendUsd, spendInPeriod[c] * 1e-9);
                var (value, low, high) = (figure.RevenueUsd.Value, figure.RevenueUsd.Low, figure.RevenueUsd.High);
                report.Add(FormattableString.Invariant($"seed {seed} {Channels[c].Key}: {value:N0} [{low:N0}, {high:N0}] for a planted {truth[c]:N0} (spend {figure.SpendUsd:N0})"));
                if (Channels[c].Ceiling == 0)
                {
                    zeroHeld += low <= 0 && high >= 0 ? 1 : 0;
                    Assert.True(high < smallest * figure.SpendUsd, string.Join("\n", report));
                }
                else
                {
                    errors.Add(Math.Abs((value / truth[c]) - 1));
                    covered += low <= truth[c] && truth[c] <= high ? 1 : 0;
                }
            }
        }

        var message = string.Join("\n", report);
        Assert.True(errors.Order().ElementAt(errors.Count / 2) < 0.10 && errors.Max() < 0.25, message);
        Assert.True(covered >= 6, $"{covered} of 8 bands hold the truth\n{message}");
        Assert.True(zeroHeld >= 3, $"{zeroHeld} of 4 bands hold 0\n{message}");
    }

    [Fact]
    public void Fewer_markets_than_a_band_needs_give_no_figure_and_say_why()
    {
        var (snapshot, _, _) = Plant(1);
        var scope = AccessScope.Only(["M0", "M1", "M2"]);

        var model = RevenueOnlyModel.Fit(snapshot, scope);

        Assert.False(model.HasBand);
        Assert.Null(model.Of("paid_search", First.AddDays(From), First.AddDays(To)));
        Assert.Contains(model.Notes, n => n.Contains("3 market(s) in scope, fewer than the 6 its band needs", StringComparison.Ordinal));
    }

    private static double[] Normalised(double[] weights) => [.. weights.Select(w => w / weights.Sum())];

    /// <summary>The planted world's snapshot, each channel's true added revenue over the period, and its spend there (USD).</summary>
    private static (FactSnapshot Snapshot, double[] Truth, double[] Spend) Plant(int seed)
    {
        var random = new Random(seed);
        var sales = new SalesTableBuilder();
        var spendTable = new SpendTableBuilder();
        var truth = new double[Channels.Length];
        var spendInPeriod = new double[Channels.Length];
        const double Rho = 0.6, Sigma = 0.03;
        // E[e^u] of the stationary AR(1) noise: the expected sales the truth is counted in.
        var noiseMean = Math.Exp(Sigma * Sigma / (1 - (Rho * Rho)) / 2);
        for (var m = 0; m < Markets; m++)
        {
            var scale = 40_000 * (1 + m);
            var phase = random.NextDouble() * 2 * Math.PI;
            var spend = Channels.Select(ch => Flights(random, ch.Level * scale)).ToArray();
            var response = Channels.Select((ch, c) => Response(ch, spend[c], scale)).ToArray();
            var noise = 0.0;
            for (var t = 0; t < Days; t++)
            {
                noise = (Rho * noise) + (Sigma * Gaussian(random));
                var day = First.AddDays(t);
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.15 : 1.0;
                var baseline = scale * Math.Exp((0.15 * Math.Sin((2 * Math.PI * t / 365.25) + phase)) + (0.0002 * t)) * weekend;
                var revenue = (baseline + response.Sum(r => r[t])) * Math.Exp(noise);
                sales.Add(day, m, 0, 0, 1, 1, (long)Math.Round(revenue * 10_000), 0);
                for (var c = 0; c < Channels.Length; c++)
                {
                    spendTable.Add(day, m, c, 0, (long)Math.Round(spend[c][t] * 10_000), 0);
                }
            }

            for (var c = 0; c < Channels.Length; c++)
            {
                // Spend as stored (rounded to 1/10,000), so the truth is about the spend the model reads.
                var stored = spend[c].Select(x => Math.Round(x * 10_000) / 10_000).ToArray();
                var without = stored.Select((x, t) => t is >= From and <= To ? 0 : x).ToArray();
                var (with, less) = (Response(Channels[c], stored, scale), Response(Channels[c], without, scale));
                truth[c] += Enumerable.Range(From, Days - From).Sum(t => with[t] - less[t]) * noiseMean;
                spendInPeriod[c] += stored.Skip(From).Take(To - From + 1).Sum();
            }
        }

        var reference = new ReferenceSet(
            [new("emea", "EMEA")],
            [.. Enumerable.Range(0, Markets).Select(m => new MarketRef($"M{m}", $"M{m}", 0, "USD", Hemisphere.North))],
            [.. Channels.Select(c => new ChannelRef(c.Key, c.Key, true))],
            [new("coupon_download", "Coupon download", Category.Promotional, IntentGroup.High, SourceSystem.Ecommerce)],
            [""], [new("aurora", 0.4)], [""], ["USD"]);
        var snapshot = new FactSnapshot
        {
            Reference = reference, MicroConversions = new MicroConversionTableBuilder().Build(), Sales = sales.Build(), Spend = spendTable.Build(),
            Traffic = new TrafficTableBuilder().Build(), Fx = new FxRates(), Version = 1,
        };
        return (snapshot, truth, spendInPeriod);
    }

    /// <summary>Flights: on for 14–42 days at a level drawn around <paramref name="level"/>, off for 7–35.</summary>
    private static double[] Flights(Random random, double level)
    {
        var spend = new double[Days];
        var t = random.Next(20);
        while (t < Days)
        {
            var (on, height) = (14 + random.Next(29), level * (0.4 + (1.2 * random.NextDouble())));
            for (var d = t; d < Math.Min(Days, t + on); d++)
            {
                spend[d] = height * (0.8 + (0.4 * random.NextDouble()));
            }

            t += on + 7 + random.Next(29);
        }

        return spend;
    }

    /// <summary>Revenue per day a channel's spend adds: scale · R · (1 − e^(−a / (θ · scale))), a the lag-weighted spend.</summary>
    private static double[] Response((string Key, double Level, double Ceiling, double Theta, double[] Lag) channel, double[] spend, double scale)
    {
        var response = new double[spend.Length];
        for (var t = 0; t < spend.Length; t++)
        {
            var a = 0.0;
            for (var l = 0; l < channel.Lag.Length && l <= t; l++)
            {
                a += channel.Lag[l] * spend[t - l];
            }

            response[t] = scale * channel.Ceiling * (1 - Math.Exp(-a / (channel.Theta * scale)));
        }

        return response;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
