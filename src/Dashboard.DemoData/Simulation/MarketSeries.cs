namespace Dashboard.DemoData.Simulation;

/// <summary>
/// One market's simulated days (burn-in first: data day t is index <see cref="Offset"/> + t).
/// All money in USD; actions are what happened, tracked or not.
/// </summary>
internal sealed class MarketSeries(int length, int paidChannels, int pairs)
{
    public int Offset { get; } = World.DemoWorld.BurnInDays;

    /// <summary>[paid channel][day] total spend of the channel that day.</summary>
    public double[][] SpendUsd { get; } = Jagged<double>(paidChannels, length);

    /// <summary>[paid channel][day] index of the flight booking that day's spend, or -1 for always-on.</summary>
    public int[][] FlightOfDay { get; } = Jagged<int>(paidChannels, length);

    /// <summary>[pair][day] realised actions of each channel–event pair (organic pairs last).</summary>
    public int[][] Actions { get; } = Jagged<int>(pairs, length);

    public double[] RevenueUsd { get; } = new double[length];

    /// <summary>Revenue from paid channels' actions (values over the lag kernel).</summary>
    public double[] MediaUsd { get; } = new double[length];

    /// <summary>Revenue from organic actions (values over the lag kernel).</summary>
    public double[] OrganicActionUsd { get; } = new double[length];

    private static T[][] Jagged<T>(int rows, int columns)
    {
        var result = new T[rows][];
        for (var r = 0; r < rows; r++)
        {
            result[r] = new T[columns];
        }

        return result;
    }
}
