using Dashboard.Metrics.Series;

namespace Dashboard.Metrics.Tests.Series;

public sealed class SeriesMathTests
{
    [Fact]
    public void Moving_average_waits_for_a_full_window_and_does_not_read_absent_values_as_zero()
    {
        var result = SeriesMath.MovingAverage([1, 2, 3, null, 5, 6, 7], 3);

        Assert.Equal([null, null, 2.0, null, null, null, 6.0], result);
    }

    [Fact]
    public void Period_over_period_is_relative_to_the_value_lag_steps_before_and_absent_against_zero()
    {
        var result = SeriesMath.PeriodOverPeriod([100, 125, 0, 10, null], 1);

        Assert.Equal([null, 0.25, -1.0, null, null], result);
    }

    [Fact]
    public void Lagged_correlation_finds_the_lag_at_which_y_follows_x()
    {
        // y repeats x two steps later: r = 1 at lag 2 exactly.
        double?[] x = [1, 4, 2, 8, 5, 7, 3, 6];
        double?[] y = [0, 0, 1, 4, 2, 8, 5, 7];

        var result = SeriesMath.LaggedCorrelation(x, y, 3);

        Assert.Equal([0, 1, 2, 3], result.Select(r => r.Lag));
        Assert.Equal(1.0, result[2].R!.Value, 12);
        Assert.Equal(6, result[2].Pairs);
        Assert.True(result.Where(r => r.Lag != 2).All(r => r.R < 0.9));
    }

    [Fact]
    public void Lagged_correlation_of_a_constant_series_is_absent()
    {
        var result = SeriesMath.LaggedCorrelation([2, 2, 2, 2], [1, 2, 3, 4], 0);

        Assert.Null(Assert.Single(result).R);
    }

    [Fact]
    public void A_spike_above_the_robust_band_is_flagged_and_does_not_hide_the_next_one()
    {
        // History 10, 12, 11, 9, 10, 11, 12, 10: median 10.5; deviations .5 ×5 and 1.5 ×3, so MAD 0.5 → band 10.5 ± 3.5 × 1.4826 × 0.5.
        double?[] values = [10, 12, 11, 9, 10, 11, 12, 10, 40, 11, 35];

        var result = SeriesMath.Anomalies(values, window: 8, threshold: 3.5);

        Assert.Equal([8, 10], result.Select(a => a.Index));
        Assert.Equal(10.5, result[0].Expected, 12);
        Assert.Equal(10.5 + (3.5 * 1.4826 * 0.5), result[0].High, 9);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, SeriesMath.Median([4, 1, 3, 2]));
}
