using System.Globalization;
using System.Security.Claims;
using Dashboard.Application.Dashboards;
using Dashboard.Metrics.Query;

namespace Dashboard.Web.Tests.Pages;

/// <summary>
/// The saved-scenarios panel of Budget scenarios on its own copy of the seeded database: a save is a row, two saved
/// plans compare side by side with their own spend, and only the author deletes theirs.
/// </summary>
public sealed class SavedScenariosPanelTests : DatabasePageTestContext
{
    private ClaimsPrincipal _user = new();

    private async Task<(IRenderedComponent<SavedScenariosPanel> Panel, ScenarioPageModel Model)> RenderAsync(string email)
    {
        _user = await AddDirectorAsync(email);
        Services.AddSingleton(new SavedScenariosService(Database.Factory(), new PrincipalUser(() => _user), TimeProvider.System));
        var opening = ScenarioPageModel.Open(await AnalysisAsync(), AccessScope.All, Viewer.Preferences, "");
        var (model, error) = await opening.ModelAsync();
        Assert.Null(error);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        return (Render<SavedScenariosPanel>(p => p.Add(c => c.Model, model!)), model!);
    }

    private static Task SaveAs(IRenderedComponent<SavedScenariosPanel> panel, string name)
    {
        panel.Find("input").Change(name);
        return panel.InvokeAsync(() => panel.FindAll("button").Single(b => b.TextContent.Trim() == "Save scenario").Click());
    }

    [Fact]
    public async Task Two_saved_plans_are_rows_and_compare_side_by_side_with_their_own_spend()
    {
        var (panel, model) = await RenderAsync("director@demo.local");
        var current = model.Current.Sum();

        await SaveAs(panel, "As planned");
        model.SetSpend(0, model.Current[0] + 1000);
        await SaveAs(panel, "More on the first channel");

        Assert.Equal(2, await Database.CountAsync("SELECT COUNT(*) FROM saved_scenarios WHERE scope = '*'"));
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=saved-scenarios] tbody tr").Count));
        foreach (var box in panel.FindComponents<MudCheckBox<bool>>())
        {
            await panel.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(true));
        }

        // Spend per day of each plan, as saved: the current plan, and it with 1,000 more on one channel.
        var spendRow = panel.FindAll("[data-testid=scenario-comparison] tbody tr").Single(r => r.TextContent.StartsWith("Spend per day", StringComparison.Ordinal));
        var spend = spendRow.QuerySelectorAll("td").Skip(1).Select(td => double.Parse(td.TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Math.Round(current), spend[0], 0);
        Assert.Equal(Math.Round(current + 1000), spend[1], 0);
    }

    [Fact]
    public async Task A_name_is_needed_and_another_user_s_scenario_has_no_delete()
    {
        var (panel, _) = await RenderAsync("director@demo.local");
        await SaveAs(panel, "   ");
        panel.WaitForAssertion(() => Assert.Contains("give the scenario a name", panel.Find("[data-testid=scenario-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await Database.CountAsync("SELECT COUNT(*) FROM saved_scenarios"));

        await SaveAs(panel, "Director's plan");
        Assert.Single(panel.FindAll("button"), b => b.TextContent.Trim() == "Delete");

        // Another signed-in user of the same markets sees it, and cannot delete it.
        var author = _user;
        _user = await AddDirectorAsync("other@demo.local");
        var other = Render<SavedScenariosPanel>(p => p.Add(c => c.Model, panel.Instance.Model));
        other.WaitForAssertion(() => Assert.Single(other.FindAll("[data-testid=saved-scenarios] tbody tr")));
        Assert.DoesNotContain(other.FindAll("button"), b => b.TextContent.Trim() == "Delete");

        // The author deletes it: the row is gone from the database.
        _user = author;
        await panel.InvokeAsync(() => panel.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());
        Assert.Equal(0, await Database.CountAsync("SELECT COUNT(*) FROM saved_scenarios"));
    }
}
