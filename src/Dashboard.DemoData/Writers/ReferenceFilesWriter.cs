using Dashboard.DemoData.World;
using Dashboard.Domain.Imports;

namespace Dashboard.DemoData.Writers;

/// <summary>The small files: fx_rates (one row per month and currency, USD = 1 included), campaigns and holdout_tests.</summary>
internal static class ReferenceFilesWriter
{
    public static long WriteFxRates(DemoWorld world, string directory)
    {
        using var file = DemoFiles.Open(directory, ImportKinds.FxRates);
        for (var month = 0; month < world.Fx.Months; month++)
        {
            foreach (var currency in world.Fx.Currencies)
            {
                file.Month(world.Fx.MonthStart(month)).Text(currency).Number(world.Fx.Rate(currency, month)).EndRow();
            }
        }

        return file.Rows;
    }

    public static long WriteCampaigns(DemoWorld world, string directory)
    {
        using var file = DemoFiles.Open(directory, ImportKinds.Campaigns);
        foreach (var campaign in world.Campaigns.All)
        {
            file.Text(campaign.Key).Text(campaign.Name).Text(campaign.Channel).Date(campaign.Start).Date(campaign.End).Text(campaign.Objective).EndRow();
        }

        return file.Rows;
    }

    public static long WriteHoldoutTests(DemoWorld world, string directory)
    {
        var holdout = world.Holdout;
        using var file = DemoFiles.Open(directory, ImportKinds.HoldoutTests);
        foreach (var (markets, group) in new[] { (holdout.TestMarkets, "test"), (holdout.ControlMarkets, "control") })
        {
            foreach (var market in markets)
            {
                file.Text(holdout.Name).Text(market).Text(group).Date(holdout.Start).Date(holdout.End).Text(holdout.Channel).EndRow();
            }
        }

        return file.Rows;
    }
}
