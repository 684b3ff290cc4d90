using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Tests.Time;

public sealed class ChangeTests
{
    [Theory]
    [InlineData(110.0, 100.0, 0.1)]
    [InlineData(75.0, 100.0, -0.25)]
    [InlineData(-0.1, -0.2, 0.5)] // a negative comparison: moving up is a positive change
    [InlineData(-0.3, -0.2, -0.5)]
    [InlineData(0.0, 50.0, -1.0)]
    public void Change_Relative_IsDifferenceOverAbsoluteComparison(double value, double comparison, double expected)
    {
        Assert.Equal(expected, Change.Relative(value, comparison)!.Value, 12);
    }

    [Fact]
    public void Change_RelativeAgainstZero_IsNull()
    {
        Assert.Null(Change.Relative(5.0, 0.0));
        Assert.Null(Change.Relative(0.0, 0.0));
    }

    [Fact]
    public void Change_RelativeWithAbsentFigure_IsNull()
    {
        Assert.Null(Change.Relative(null, 100.0));
        Assert.Null(Change.Relative(100.0, null));
        Assert.Null(Change.Relative(null, null));
    }

    [Fact]
    public void Change_RelativeWithNaNInput_IsNullNotNaN()
    {
        Assert.Null(Change.Relative(double.NaN, 100.0));
        Assert.Null(Change.Relative(100.0, double.NaN));
    }

    [Fact]
    public void Change_PointsOfRoiFromMinus02ToMinus01_IsPlus01()
    {
        Assert.Equal(0.1, Change.Points(-0.1, -0.2)!.Value, 12);
    }

    [Fact]
    public void Change_PointsAgainstZero_IsTheValue()
    {
        Assert.Equal(0.04, Change.Points(0.04, 0.0)!.Value, 12);
    }

    [Fact]
    public void Change_PointsWithAbsentFigure_IsNull()
    {
        Assert.Null(Change.Points(null, 0.2));
        Assert.Null(Change.Points(0.2, null));
    }
}
