using System.Globalization;
using Dashboard.DemoData.Csv;
using Dashboard.DemoData.World;
using Dashboard.DemoData.Randomness;
using Dashboard.Domain.Imports;

namespace Dashboard.DemoData.Writers;

/// <summary>What the journeys file holds beyond its rows: the facts the truth reports.</summary>
internal sealed record JourneysOutcome(long Rows, int Journeys, int Conversions, int NoConsentJourneys, IReadOnlyList<(string Id, IReadOnlyList<string> Markets)> Duplicates);

/// <summary>
/// Streams journeys one at a time: a market by size, 1–8 touches over up to 40 days with channels
/// drawn by the market's spend mix, conversion from the planted odds multipliers, a purchase row
/// with revenue in the market currency, some journeys without consent, and a handful of ids reused
/// in a second market (cross-region duplicates for data-quality checks).
/// </summary>
internal static class JourneysWriter
{
    private static readonly string[] Channels = [.. MediaSpecs.PaidChannels.Select(c => c.Channel), MediaSpecs.OrganicChannel];

    public static JourneysOutcome Write(DemoWorld world, string directory)
    {
        var random = SeedDerivation.Stream(world.Seed, "journeys");
        var idBase = SeedDerivation.For(world.Seed, "journey_ids");
        var count = JourneyModel.Count(world.Options.Size);
        var marketWeights = Cumulative(world.Markets.Select(m => m.Size));
        var channelWeights = world.Markets.Select(ChannelWeights).ToArray();
        var eventsByChannel = Channels
            .Select(c => c == MediaSpecs.OrganicChannel ? world.Events.ToArray() : MediaSpecs.PaidChannels.First(p => p.Channel == c).Caps.Select(x => x.Event).ToArray())
            .ToArray();
        var touchWeights = Cumulative(JourneyModel.TouchCountWeights);
        var duplicateEvery = count / (JourneyModel.CrossMarketDuplicates + 1);
        var duplicates = new List<(string, IReadOnlyList<string>)>();
        var context = new JourneyContext(world, random, channelWeights, eventsByChannel, touchWeights);

        using var file = DemoFiles.Open(directory, ImportKinds.Journeys);
        int conversions = 0, noConsent = 0;
        for (var j = 0; j < count; j++)
        {
            var id = "j_" + SplitMix64.Mix(idBase + (ulong)j).ToString("x16", CultureInfo.InvariantCulture);
            var market = Pick(random, marketWeights);
            var isDuplicate = j > 0 && j % duplicateEvery == 0 && duplicates.Count < JourneyModel.CrossMarketDuplicates;
            var consent = isDuplicate || !random.Chance(JourneyModel.NoConsentShare);
            noConsent += consent ? 0 : 1;
            conversions += WriteJourney(file, context, id, market, consent) ? 1 : 0;
            if (isDuplicate)
            {
                var other = (market + 1 + random.NextInt(0, world.Markets.Count - 1)) % world.Markets.Count;
                conversions += WriteJourney(file, context, id, other, consent: true) ? 1 : 0;
                duplicates.Add((id, [world.Markets[market].Code, world.Markets[other].Code]));
            }
        }

        return new JourneysOutcome(file.Rows, count + duplicates.Count, conversions, noConsent, duplicates);
    }

    private sealed record JourneyContext(DemoWorld World, DemoRandom Random, double[][] ChannelWeights, string[][] EventsByChannel, double[] TouchWeights);

    private static bool WriteJourney(CsvFileWriter file, JourneyContext context, string id, int marketIndex, bool consent)
    {
        var world = context.World;
        var random = context.Random;
        var market = world.Markets[marketIndex];
        var touches = Pick(random, context.TouchWeights) + 1;

        // Gaps between touches (seconds), squeezed into the maximum span.
        var offsets = new long[touches];
        for (var k = 1; k < touches; k++)
        {
            offsets[k] = offsets[k - 1] + 60 + (long)(-Math.Log(random.NextOpenDouble()) * 3.5 * 86_400);
        }

        var maxSpan = JourneyModel.MaxSpanDays * 86_400L;
        if (offsets[^1] > maxSpan)
        {
            var scale = maxSpan / (double)offsets[^1];
            for (var k = 1; k < touches; k++)
            {
                offsets[k] = Math.Max(offsets[k - 1] + 60, (long)(offsets[k] * scale));
            }
        }

        // Leave room for this journey's own touches, a purchase (up to 2 days later) and a short tail (up to 6 days), so
        // nothing lands after the end date; bounding by the longest journey instead left the last weeks nearly empty.
        var first = world.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var latestStart = world.To.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(-offsets[^1]).AddDays(-8);
        var start = first.AddSeconds(random.NextDouble() * (latestStart - first).TotalSeconds);
        start = new DateTime(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

        var odds = JourneyModel.BaseConversionOdds;
        var lastChannel = 0;
        for (var k = 0; k < touches; k++)
        {
            var channel = Pick(random, context.ChannelWeights[marketIndex]);
            var events = context.EventsByChannel[channel];
            var isMicro = random.Chance(JourneyModel.MicroEventShare);
            var eventKey = isMicro ? events[random.NextInt(0, events.Length)] : "visit";
            odds *= JourneyModel.OddsMultiplier[Channels[channel]] * (isMicro ? JourneyModel.MicroEventOddsMultiplier : 1);
            WriteRow(file, id, market.Code, start.AddSeconds(offsets[k]), Channels[channel], eventKey, null, null, consent);
            lastChannel = channel;
        }

        var converts = random.NextDouble() < odds / (1 + odds);
        if (!converts)
        {
            return false;
        }

        var purchaseAt = start.AddSeconds(offsets[^1] + 600 + (long)(random.NextDouble() * 2 * 86_400));
        var revenueUsd = market.AverageOrderUsd * random.LogNormalFactor(0.4);
        var rate = world.Fx.UsdRate(market.Currency, DateOnly.FromDateTime(purchaseAt));
        WriteRow(file, id, market.Code, purchaseAt, Channels[lastChannel], "purchase", LocalMoney.FromUsd(revenueUsd, rate, market.Currency), market.Currency, consent);
        if (random.Chance(JourneyModel.AfterPurchaseShare))
        {
            var extra = random.NextInt(1, 3);
            var at = purchaseAt;
            for (var k = 0; k < extra; k++)
            {
                at = at.AddSeconds(3_600 + (long)(random.NextDouble() * 3 * 86_400));
                WriteRow(file, id, market.Code, at, Channels[Pick(random, context.ChannelWeights[marketIndex])], "visit", null, null, consent);
            }
        }

        return true;
    }

    private static void WriteRow(CsvFileWriter file, string id, string market, DateTime at, string channel, string eventKey, long? revenue, string? currency, bool consent)
    {
        file.Text(id).Text(market).Timestamp(at).Text(channel).Text(eventKey);
        if (revenue is { } units)
        {
            file.Money(units).Text(currency!);
        }
        else
        {
            file.Empty().Empty();
        }

        file.Text(consent ? "true" : "false").EndRow();
    }

    private static double[] ChannelWeights(MarketProfile market)
    {
        var paid = MediaSpecs.PaidChannels.Select((c, i) => c.SpendUsdPerSizeUnit * market.ChannelMix[i]).ToArray();
        var paidTotal = paid.Sum();
        var organic = paidTotal * JourneyModel.OrganicTouchShare / (1 - JourneyModel.OrganicTouchShare);
        return Cumulative(paid.Append(organic));
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var values = weights.ToArray();
        var total = values.Sum();
        var cumulative = new double[values.Length];
        var running = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            running += values[i];
            cumulative[i] = running / total;
        }

        return cumulative;
    }

    private static int Pick(DemoRandom random, double[] cumulative)
    {
        var u = random.NextDouble();
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
