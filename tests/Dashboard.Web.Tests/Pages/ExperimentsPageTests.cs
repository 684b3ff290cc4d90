using Dashboard.Attribution.Lift;
using Dashboard.Metrics.Query;

namespace Dashboard.Web.Tests.Pages;

/// <summary>The Experiments page: the test and outcome live in the URL, and a pick reads the test out on the new outcome.</summary>
public sealed class ExperimentsPageTests : PageTestContext
{
    [Fact]
    public async Task A_copied_link_opens_the_test_and_outcome_it_names()
    {
        var snapshot = (await AnalysisAsync()).Snapshot;
        var test = HoldoutLift.Tests(snapshot, AccessScope.All)[^1].Test;
        var expected = HoldoutLift.Run(snapshot, test, "coupon_download", AccessScope.All);
        OpenAt("/experiments?test=" + Uri.EscapeDataString(test) + "&outcome=coupon_download");

        var page = Open<Experiments>();

        page.WaitForAssertion(() => Assert.Equal(Shown(expected.Lift), page.Find("[data-testid=lift]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal(test, page.Find("[data-testid=experiment-test][role=combobox]").TextContent.Trim());
        Assert.Equal("Coupon download", page.Find("[data-testid=experiment-outcome][role=combobox]").TextContent.Trim());
    }

    [Fact]
    public async Task Picking_an_outcome_puts_it_in_the_URL_and_reads_the_test_out_on_it()
    {
        var snapshot = (await AnalysisAsync()).Snapshot;
        var test = HoldoutLift.Tests(snapshot, AccessScope.All)[0].Test;
        var revenue = HoldoutLift.Run(snapshot, test, HoldoutLift.RevenueOutcome, AccessScope.All);
        var signups = HoldoutLift.Run(snapshot, test, "newsletter_signup", AccessScope.All);
        Assert.NotEqual(Shown(revenue.Lift), Shown(signups.Lift));
        OpenAt("/experiments");
        var page = Open<Experiments>();
        page.WaitForAssertion(() => Assert.Equal(Shown(revenue.Lift), page.Find("[data-testid=lift]").TextContent.Trim()), TimeSpan.FromSeconds(30));

        var outcome = page.FindComponents<MudSelect<string>>().Single(s => s.Markup.Contains("experiment-outcome", StringComparison.Ordinal));
        await page.InvokeAsync(() => outcome.Instance.ValueChanged.InvokeAsync("newsletter_signup"));

        Assert.Equal("?test=" + Uri.EscapeDataString(test) + "&outcome=newsletter_signup", CurrentUri.Query);
        page.WaitForAssertion(() => Assert.Equal(Shown(signups.Lift), page.Find("[data-testid=lift]").TextContent.Trim()), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_link_to_a_test_whose_figures_would_reveal_hidden_markets_shows_nothing_of_it()
    {
        var snapshot = (await AnalysisAsync()).Snapshot;
        var test = HoldoutLift.Tests(snapshot, AccessScope.All)[0];
        // Two hidden markets in a group would be revealed by its sums (METRICS.md pools at least three): a user who may
        // see every market but two of the test group's is not shown the test, even through a link that names it.
        Viewer.Scope = AccessScope.Only(snapshot.Reference.Markets.Select(m => m.Code).Except(test.TestMarkets.Take(2)));
        OpenAt("/experiments?test=" + Uri.EscapeDataString(test.Test));

        var page = Open<Experiments>();

        page.WaitForAssertion(() => Assert.Contains("none whose markets you may see", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(test.Test, page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=lift]"));
    }

    private static string Shown(double lift) => Dashboard.Application.Formatting.NumberFormat.Default.SignedPercent(lift);
}
