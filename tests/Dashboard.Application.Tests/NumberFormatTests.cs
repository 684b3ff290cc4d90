using Dashboard.Application.Formatting;

namespace Dashboard.Application.Tests;

/// <summary>Each number format writes figures the way its readers expect, whatever the server's locale.</summary>
public sealed class NumberFormatTests
{
    [Theory]
    [InlineData("en", "1,234,568", "1,234.50", "+12.3%")]
    [InlineData("de", "1.234.568", "1.234,50", "+12,3%")]
    [InlineData("fr", "1\u202F234\u202F568", "1\u202F234,50", "+12,3%")]
    [InlineData("ch", "1’234’568", "1’234.50", "+12.3%")]
    [InlineData("in", "12,34,568", "1,234.50", "+12.3%")]
    public void Formats_group_and_decimal_separators_by_hand(string key, string whole, string fixedTwo, string percent)
    {
        var format = NumberFormat.Find(key)!;
        Assert.Equal(whole, format.Whole(1234567.891));
        Assert.Equal(fixedTwo, format.Fixed(1234.5, 2));
        Assert.Equal(percent, format.SignedPercent(0.1234));
    }

    [Fact]
    public void Absent_values_show_a_dash_and_unknown_keys_are_not_formats()
    {
        Assert.Equal("—", NumberFormat.Default.Whole(null));
        Assert.Equal("—", NumberFormat.Default.Fixed(double.NaN, 2));
        Assert.Null(NumberFormat.Find("xx"));
        Assert.Equal(NumberFormat.All.Count, NumberFormat.All.Select(f => f.Key).Distinct().Count());
    }
}
