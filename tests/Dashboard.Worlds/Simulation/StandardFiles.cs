using System.Globalization;
using System.Text;

namespace Dashboard.Worlds.Simulation;

/// <summary>Writes a drawn world as the product's standard import files (DATA.md), as a brand's analyst would hold them.</summary>
public static class StandardFiles
{
    public const string Brand = "world_brand";

    /// <summary>Kind → file, in the order they are imported.</summary>
    public static IReadOnlyList<(string Kind, string Path)> Write(WorldSample world, string folder)
    {
        ArgumentNullException.ThrowIfNull(world);
        Directory.CreateDirectory(folder);
        var files = new List<(string, string)>
        {
            ("fx_rates", Write(folder, "fx_rates.csv", "month,currency,usd_rate", FxRows(world))),
            ("sales", Write(folder, "sales.csv", "date,market,brand,sku,orders,units,revenue,currency", SalesRows(world))),
            ("spend", Write(folder, "spend.csv", "date,market,channel,campaign,spend,currency", SpendRows(world))),
            ("micro_conversions", Write(folder, "micro_conversions.csv", "date,market,channel,campaign,event,source,count", ActionRows(world))),
        };
        var context = ContextRows(world).ToList();
        if (context.Count > 0)
        {
            files.Add(("context", Write(folder, "context.csv", "date,market,type,value,note", context)));
        }

        if (world.Test is { } test)
        {
            files.Add(("holdout_tests", Write(folder, "holdout_tests.csv", "test,market,group,start,end,channel",
                [.. test.TestMarkets.Select(m => (m, "test")).Concat(test.ControlMarkets.Select(m => (m, "control")))
                    .Select(p => $"{test.Name},{p.Item1},{p.Item2},{Day(world, test.From)},{Day(world, test.To)},{world.Channels[test.Channel]}")])));
        }

        return files;
    }

    private static string Write(string folder, string name, string header, IEnumerable<string> rows)
    {
        var path = Path.Combine(folder, name);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(header);
        foreach (var row in rows)
        {
            writer.WriteLine(row);
        }

        return path;
    }

    private static string Day(WorldSample w, int d) => w.Start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(double x) => Math.Round(x, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static IEnumerable<string> FxRows(WorldSample w)
    {
        for (var month = new DateOnly(w.Start.Year, w.Start.Month, 1).AddMonths(-3); month <= w.End; month = month.AddMonths(1))
        {
            yield return month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ",USD,1";
        }
    }

    private static IEnumerable<string> SalesRows(WorldSample w)
    {
        foreach (var m in w.Markets)
        {
            for (var d = 0; d < w.Days; d++)
            {
                var revenue = m.Sales[w.BurnIn + d];
                var orders = Math.Max(1, (long)Math.Round(revenue / 38));
                yield return FormattableString.Invariant($"{Day(w, d)},{m.Code},{Brand},,{orders},{orders * 2},{Money(revenue)},USD");
            }
        }
    }

    private static IEnumerable<string> SpendRows(WorldSample w)
    {
        foreach (var m in w.Markets)
        {
            for (var c = 0; c < w.Channels.Count; c++)
            {
                for (var d = 0; d < w.Days; d++)
                {
                    yield return FormattableString.Invariant($"{Day(w, d)},{m.Code},{w.Channels[c]},,{Money(m.Spend[c][w.BurnIn + d])},USD");
                }
            }
        }
    }

    /// <summary>Per reported type and day: the organic actions and the media ones (credited to the type's main channel).</summary>
    private static IEnumerable<string> ActionRows(WorldSample w)
    {
        foreach (var m in w.Markets)
        {
            for (var k = 0; k < WorldTypes.Keys.Count; k++)
            {
                var key = WorldTypes.Keys[k];
                for (var d = Math.Max(0, m.TrackedFrom[k]); d < w.Days; d++)
                {
                    var all = (long)m.Actions[k][w.BurnIn + d];
                    var media = (long)m.MediaActions[k][w.BurnIn + d];
                    yield return FormattableString.Invariant($"{Day(w, d)},{m.Code},organic,,{key},,{all - media}");
                    if (media > 0)
                    {
                        yield return FormattableString.Invariant($"{Day(w, d)},{m.Code},{w.Channels[w.MainChannel[k]]},,{key},,{media}");
                    }
                }
            }
        }
    }

    private static IEnumerable<string> ContextRows(WorldSample w)
    {
        foreach (var m in w.Markets)
        {
            for (var d = 0; d < w.Days; d++)
            {
                var t = w.BurnIn + d;
                if (m.PriceCut[t] > 0)
                {
                    yield return FormattableString.Invariant($"{Day(w, d)},{m.Code},price_change,{-Math.Round(m.PriceCut[t], 4)},own price cut");
                }

                if (m.CompetitorPromo[t])
                {
                    yield return FormattableString.Invariant($"{Day(w, d)},{m.Code},competitor_promo,1,competitor promotion");
                }
            }
        }
    }
}
