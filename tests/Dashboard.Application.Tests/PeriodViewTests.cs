using Dashboard.Application.Filters;

namespace Dashboard.Application.Tests;

/// <summary>A period page's URL state (Attribution models, Micro-conversion value): what a link holds, and what an edited link falls back to.</summary>
public sealed class PeriodViewTests
{
    [Theory]
    [InlineData("?days=28", 28)]
    [InlineData("?days=364", 364)]
    [InlineData("", 91)]
    [InlineData("?days=30", 91)]
    [InlineData("?days=-28", 91)]
    [InlineData("?days=abc", 91)]
    public void A_link_gives_its_period_and_anything_else_the_default(string query, int days) =>
        Assert.Equal(days, PeriodView.Parse(query).Days);

    [Fact]
    public void The_default_view_has_a_bare_URL_and_the_others_round_trip()
    {
        Assert.Equal("", PeriodView.Default.ToQuery());
        foreach (var (days, _) in PeriodView.Periods)
        {
            var view = new PeriodView(days);
            Assert.Equal(view, PeriodView.Parse("?" + view.ToQuery()));
        }
    }
}
