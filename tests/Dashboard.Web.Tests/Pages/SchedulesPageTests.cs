using Dashboard.Application.Dashboards;
using Dashboard.Application.Schedules;
using Dashboard.Exports.Delivery;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Tests.Pages;

/// <summary>
/// The Scheduled packs page on its own copy of the seeded database: without a saved view it says how to get one; with
/// one it starts from that page's charts, a schedule is a row, "run now" runs that schedule, delete removes it.
/// </summary>
public sealed class SchedulesPageTests : DatabasePageTestContext
{
    private readonly List<int> _runs = [];

    private async Task<IRenderedComponent<SchedulesPage>> OpenPageAsync(params (string Name, string Page, string Query)[] views)
    {
        var principal = await AddDirectorAsync("planner@demo.local");
        var user = new PrincipalUser(() => principal);
        var factory = Database.Factory();
        foreach (var (name, page, query) in views)
        {
            Assert.Null(await new SavedViewsService(factory, user, TimeProvider.System).SaveAsync(page, name, query));
        }

        Services.AddSingleton(new SchedulesService(factory, user, new RecordingRunner(_runs), TimeProvider.System));
        Services.AddSingleton(new DeliveryOptions());
        Services.AddSingleton(new PackDelivery(new DeliveryOptions(), Database.Folder));
        Services.AddCascadingValue(_ => Task.FromResult(new AuthenticationState(principal)));
        return Open<SchedulesPage>();
    }

    [Fact]
    public async Task Without_a_saved_view_the_page_says_how_to_get_one()
    {
        var page = await OpenPageAsync();

        page.WaitForAssertion(() => Assert.Contains("Save a view first", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("No pack is scheduled yet.", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Schedule");
    }

    [Fact]
    public async Task A_schedule_starts_from_the_view_s_charts_and_can_be_run_now_and_deleted()
    {
        var page = await OpenPageAsync(("EMEA channels", "channels", "region=emea"));
        page.WaitForAssertion(() => Assert.Contains("EMEA channels (Channels)", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var channelCharts = SchedulesService.AllCharts.Count(c => c.Key.StartsWith("channels/", StringComparison.Ordinal));
        Assert.Contains($"{channelCharts} chart(s)", page.Markup, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Every").Instance.ValueChanged.InvokeAsync("quarterly"));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Schedule").Click());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[aria-label='Scheduled packs'] tbody tr")), TimeSpan.FromSeconds(30));
        var row = page.Find("[aria-label='Scheduled packs'] tbody tr").TextContent;
        Assert.Contains("quarter", row, StringComparison.Ordinal);
        Assert.Contains("pack folder", row, StringComparison.Ordinal);
        var id = (int)await Database.CountAsync("SELECT id FROM pack_schedules WHERE cadence = 'quarterly' AND query = 'region=emea'");
        Assert.Equal(channelCharts, (await Database.TextAsync($"SELECT charts FROM pack_schedules WHERE id = {id}"))!.Split(',').Length);

        await page.InvokeAsync(() => page.Find("[aria-label='Run EMEA channels now']").Click());
        Assert.Equal([id], _runs);

        await page.InvokeAsync(() => page.Find("[aria-label='Delete the schedule of EMEA channels']").Click());
        Assert.Equal(0, await Database.CountAsync("SELECT COUNT(*) FROM pack_schedules"));
        page.WaitForAssertion(() => Assert.Contains("No pack is scheduled yet.", page.Markup, StringComparison.Ordinal));
    }

    private sealed class RecordingRunner(List<int> runs) : IPackRunner
    {
        public Task<string> RunAsync(int id, bool scheduled, CancellationToken ct = default)
        {
            runs.Add(id);
            return Task.FromResult("Wrote the pack");
        }
    }
}
