using Dashboard.DemoData.Csv;
using Dashboard.DemoData.World;
using Dashboard.DemoData.Randomness;
using Dashboard.DemoData.Simulation;
using Dashboard.Domain.Imports;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.Writers;

/// <summary>
/// Streams the daily facts (spend, micro_conversions, traffic, sales, context) market by market:
/// one market's simulation is held in memory at a time. Reporting noise (brand splits, sessions,
/// campaign splits) comes from its own stream so it never touches the simulation's draws.
/// </summary>
internal sealed class MarketFactsWriter : IDisposable
{
    private const double SessionsPerPaidAction = 4;
    private const double SessionsPerPaidUsd = 1.2;
    private const double OrganicSessionsPerSizeUnit = 12_000;
    private const double SessionsPerOrganicAction = 2;

    private readonly DemoWorld world;
    private readonly CsvFileWriter spend;
    private readonly CsvFileWriter micro;
    private readonly CsvFileWriter traffic;
    private readonly CsvFileWriter sales;
    private readonly CsvFileWriter context;
    private readonly string[] defaultSources;

    public MarketFactsWriter(DemoWorld world, string directory)
    {
        this.world = world;
        spend = DemoFiles.Open(directory, ImportKinds.Spend);
        micro = DemoFiles.Open(directory, ImportKinds.MicroConversions);
        traffic = DemoFiles.Open(directory, ImportKinds.Traffic);
        sales = DemoFiles.Open(directory, ImportKinds.Sales);
        context = DemoFiles.Open(directory, ImportKinds.Context);
        defaultSources = [.. world.Events.Select(e => DefaultReferenceData.Definitions.First(d => d.Key == e).DefaultSource.ToKey())];
    }

    public IReadOnlyDictionary<string, long> RowCounts => new Dictionary<string, long>(StringComparer.Ordinal)
    {
        [ImportKinds.MicroConversions] = micro.Rows,
        [ImportKinds.Sales] = sales.Rows,
        [ImportKinds.Spend] = spend.Rows,
        [ImportKinds.Traffic] = traffic.Rows,
        [ImportKinds.Context] = context.Rows,
    };

    public MarketOutcome Write(MarketProfile market, IList<AliasUse> aliasUses)
    {
        var series = MarketSimulator.Run(world, market, treated: true);
        double withTreatment = 0, withoutTreatment = 0;
        if (world.Holdout.IsTest(market.Code))
        {
            // Same draws, no treatment: the counterfactual that defines the true lift.
            var counterfactual = MarketSimulator.Run(world, market, treated: false);
            for (var t = 0; t < world.Days; t++)
            {
                if (world.Holdout.InTest(world.From.AddDays(t)))
                {
                    withTreatment += series.RevenueUsd[series.Offset + t];
                    withoutTreatment += counterfactual.RevenueUsd[series.Offset + t];
                }
            }
        }

        var naming = EventNaming.Create(world, market);
        foreach (var use in naming.Uses)
        {
            aliasUses.Add(use);
        }

        var report = SeedDerivation.Stream(world.Seed, "report", market.Code);
        var days = new DayWriter(this, market, series, naming, report);
        double revenue = 0, media = 0, organic = 0, spendTotal = 0;
        for (var t = 0; t < world.Days; t++)
        {
            days.Write(t);
            var i = series.Offset + t;
            revenue += series.RevenueUsd[i];
            media += series.MediaUsd[i];
            organic += series.OrganicActionUsd[i];
            for (var c = 0; c < world.Curves.Count; c++)
            {
                spendTotal += series.SpendUsd[c][i];
            }
        }

        foreach (var row in world.Contexts[market.Index].Rows)
        {
            context.Date(row.Date).Text(market.Code).Text(row.Type);
            if (row.Value is { } value)
            {
                context.Number(value);
            }
            else
            {
                context.Empty();
            }

            context.Text(row.Note).EndRow();
        }

        var (periodSpend, periodIncrement) = Increments(market, series);
        return new MarketOutcome(market.Code, revenue, media, organic, spendTotal, withTreatment, withoutTreatment, periodSpend, periodIncrement);
    }

    /// <summary>Per paid channel and truth period: the market's spend and the revenue it added (spend set to 0, same draws).</summary>
    private (double[][] Spend, double[][] Increment) Increments(MarketProfile market, MarketSeries series)
    {
        var periods = Truth.TruthPeriod.Within(world.From, world.To);
        var calendar = new MarketCalendar(world, market);
        var spend = new double[world.Curves.Count][];
        var increment = new double[world.Curves.Count][];
        for (var c = 0; c < world.Curves.Count; c++)
        {
            (spend[c], increment[c]) = (new double[periods.Count], new double[periods.Count]);
            for (var p = 0; p < periods.Count; p++)
            {
                var from = series.Offset + periods[p].From.DayNumber - world.From.DayNumber;
                var to = series.Offset + periods[p].To.DayNumber - world.From.DayNumber;
                spend[c][p] = series.SpendUsd[c].Skip(from).Take(to - from + 1).Sum();
                increment[c][p] = PlantedIncrement.RevenueUsd(world, market, series, calendar, c, from, to);
            }
        }

        return (spend, increment);
    }

    public void Dispose()
    {
        spend.Dispose();
        micro.Dispose();
        traffic.Dispose();
        sales.Dispose();
        context.Dispose();
    }

    /// <summary>Writes the rows of one market-day across the four daily files.</summary>
    private sealed class DayWriter
    {
        private readonly MarketFactsWriter files;
        private readonly DemoWorld world;
        private readonly MarketProfile market;
        private readonly MarketSeries series;
        private readonly EventNaming naming;
        private readonly DemoRandom report;
        private readonly Flight[][] alwaysOn;
        private readonly double[][] alwaysOnWeights;
        private readonly List<(string Campaign, double Usd)>[] campaignSpend;
        private readonly int[][] pairsByChannel;
        private readonly int organicStart;

        public DayWriter(MarketFactsWriter files, MarketProfile market, MarketSeries series, EventNaming naming, DemoRandom report)
        {
            this.files = files;
            world = files.world;
            this.market = market;
            this.series = series;
            this.naming = naming;
            this.report = report;
            var channels = world.Curves.Count;
            alwaysOn = [.. Enumerable.Range(0, channels).Select(c => world.Campaigns.AlwaysOnFor(c).ToArray())];
            alwaysOnWeights = [.. alwaysOn.Select(list => list.Select(_ => report.Uniform(0.5, 1.5)).ToArray())];
            campaignSpend = [.. Enumerable.Range(0, channels).Select(_ => new List<(string, double)>())];
            pairsByChannel = [.. Enumerable.Range(0, channels + 1).Select(c => Enumerable.Range(0, world.Pairs.Count).Where(p => world.Pairs[p].ChannelIndex == c).ToArray())];
            organicStart = world.Pairs.Count - world.Events.Count;
        }

        public void Write(int t)
        {
            var date = world.From.AddDays(t);
            var i = series.Offset + t;
            var rate = world.Fx.UsdRate(market.Currency, date);
            WriteSpend(date, i, rate);
            WriteMicroConversions(date, t, i);
            WriteTraffic(date, i);
            WriteSales(date, i, rate);
        }

        private void WriteSpend(DateOnly date, int i, double rate)
        {
            for (var c = 0; c < world.Curves.Count; c++)
            {
                var split = campaignSpend[c];
                split.Clear();
                var total = series.SpendUsd[c][i];
                var flightIndex = series.FlightOfDay[c][i];
                var flight = flightIndex >= 0 ? world.Campaigns.Flights[flightIndex] : null;
                if (alwaysOn[c].Length == 0)
                {
                    // Small: the whole day's spend is either under the flight or always-on, never both.
                    split.Add((flight?.Key ?? string.Empty, total));
                }
                else
                {
                    var baseLevel = flight is null ? total : total / flight.SpendMultiplier;
                    var weights = alwaysOnWeights[c];
                    var noisy = new double[weights.Length];
                    var sum = 0.0;
                    for (var k = 0; k < weights.Length; k++)
                    {
                        noisy[k] = weights[k] * report.LogNormalFactor(0.15);
                        sum += noisy[k];
                    }

                    for (var k = 0; k < weights.Length; k++)
                    {
                        split.Add((alwaysOn[c][k].Key, baseLevel * noisy[k] / sum));
                    }

                    if (flight is not null)
                    {
                        split.Add((flight.Key, total - baseLevel));
                    }
                }

                foreach (var (campaign, usd) in split)
                {
                    files.spend.Date(date).Text(market.Code).Text(world.Curves[c].Channel).Text(campaign)
                        .Money(LocalMoney.FromUsd(usd, rate, market.Currency)).Text(market.Currency).EndRow();
                }
            }
        }

        private void WriteMicroConversions(DateOnly date, int t, int i)
        {
            for (var c = 0; c <= world.Curves.Count; c++)
            {
                foreach (var p in pairsByChannel[c])
                {
                    var pair = world.Pairs[p];
                    if (!world.Rollout.Tracks(market.Index, pair.EventIndex, t))
                    {
                        continue;
                    }

                    var count = series.Actions[p][i];
                    if (p >= organicStart)
                    {
                        WriteMicro(date, pair, string.Empty, t, count);
                        continue;
                    }

                    // Split the channel's actions over its campaigns in proportion to their spend that day.
                    var split = campaignSpend[c];
                    var total = split.Sum(s => s.Usd);
                    var cumulative = 0.0;
                    var assigned = 0;
                    for (var k = 0; k < split.Count; k++)
                    {
                        cumulative += split[k].Usd;
                        var upTo = k == split.Count - 1 ? count : (int)Math.Round(count * cumulative / total, MidpointRounding.ToEven);
                        WriteMicro(date, pair, split[k].Campaign, t, upTo - assigned);
                        assigned = upTo;
                    }
                }
            }
        }

        private void WriteMicro(DateOnly date, ActionPair pair, string campaign, int t, int count)
        {
            var row = files.micro.Date(date).Text(market.Code).Text(pair.Channel).Text(campaign).Text(naming.NameFor(pair.EventIndex, t));
            if (market.LeavesSourceEmpty)
            {
                row.Empty();
            }
            else
            {
                row.Text(files.defaultSources[pair.EventIndex]);
            }

            row.Integer(count).EndRow();
        }

        private void WriteTraffic(DateOnly date, int i)
        {
            for (var c = 0; c <= world.Curves.Count; c++)
            {
                var actions = 0;
                foreach (var p in pairsByChannel[c])
                {
                    actions += series.Actions[p][i];
                }

                double expected;
                string channel;
                if (c < world.Curves.Count)
                {
                    expected = (actions * SessionsPerPaidAction) + (series.SpendUsd[c][i] * SessionsPerPaidUsd);
                    channel = world.Curves[c].Channel;
                }
                else
                {
                    expected = (market.Size * OrganicSessionsPerSizeUnit * Math.Exp(market.AnnualGrowth * (i - series.Offset) / 365.25))
                        + (actions * SessionsPerOrganicAction);
                    channel = MediaSpecs.OrganicChannel;
                }

                var sessions = (long)Math.Round(expected * report.LogNormalFactor(0.05));
                var row = files.traffic.Date(date).Text(market.Code).Text(channel).Integer(sessions);
                var nonPurchase = Math.Min(sessions, (long)Math.Round(sessions * market.NonPurchaseShare * report.LogNormalFactor(0.1)));
                if (market.ReportsNonPurchaseSessions)
                {
                    row.Integer(nonPurchase);
                }
                else
                {
                    row.Empty();
                }

                row.EndRow();
            }
        }

        private void WriteSales(DateOnly date, int i, double rate)
        {
            var brands = world.Brands;
            var weights = new double[brands.Count];
            var sum = 0.0;
            for (var b = 0; b < brands.Count; b++)
            {
                weights[b] = brands[b].Share * report.LogNormalFactor(0.03);
                sum += weights[b];
            }

            for (var b = 0; b < brands.Count; b++)
            {
                var brandUsd = series.RevenueUsd[i] * weights[b] / sum;
                var skus = brands[b].Skus;
                if (skus.Count == 0)
                {
                    WriteSalesRow(date, brands[b].Key, string.Empty, brandUsd, rate);
                    continue;
                }

                var skuWeights = skus.Select(s => s.Share * report.LogNormalFactor(0.05)).ToArray();
                var skuSum = skuWeights.Sum();
                for (var s = 0; s < skus.Count; s++)
                {
                    WriteSalesRow(date, brands[b].Key, skus[s].Key, brandUsd * skuWeights[s] / skuSum, rate);
                }
            }
        }

        private void WriteSalesRow(DateOnly date, string brand, string sku, double usd, double rate)
        {
            var orders = Math.Max(1, (long)Math.Round(usd / (market.AverageOrderUsd * report.LogNormalFactor(0.02))));
            var units = Math.Max(orders, (long)Math.Round(orders * market.ItemsPerOrder * report.LogNormalFactor(0.02)));
            files.sales.Date(date).Text(market.Code).Text(brand).Text(sku).Integer(orders).Integer(units)
                .Money(LocalMoney.FromUsd(usd, rate, market.Currency)).Text(market.Currency).EndRow();
        }
    }
}
