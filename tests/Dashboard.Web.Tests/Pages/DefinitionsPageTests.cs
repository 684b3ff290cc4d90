using Dashboard.Application.Admin;
using Dashboard.Application.Analysis;

namespace Dashboard.Web.Tests.Pages;

/// <summary>The Definitions page on its own copy of the seeded database: an edit and an alias are rows at once; a clash is refused and changes nothing.</summary>
public sealed class DefinitionsPageTests : DatabasePageTestContext
{
    private IRenderedComponent<Definitions> OpenPage()
    {
        var factory = Database.Factory();
        Viewer.Actor = "admin@demo.local";
        Services.AddSingleton(new DefinitionsService(factory, new MetricsSnapshotStore(factory), Viewer, TimeProvider.System));
        var page = Open<Definitions>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=definitions] tbody tr")), TimeSpan.FromSeconds(60));
        return page;
    }

    private static Task Pick(IRenderedComponent<Definitions> page, string label, string value) =>
        page.InvokeAsync(() => page.FindComponents<Choice>().Single(c => c.Instance.Label == label).Instance.ValueChanged.InvokeAsync(value));

    private static Task Press(IRenderedComponent<Definitions> page, string text) =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());

    private static async Task AddAliasAsync(IRenderedComponent<Definitions> page, string market, string alias, string definition)
    {
        await Pick(page, "Alias market", market);
        page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Local event name").Find("input").Input(alias);
        await Pick(page, "Maps to", definition);
        await Press(page, "Add alias");
    }

    [Fact]
    public async Task Editing_a_definition_saves_its_group_and_says_what_every_page_now_does()
    {
        var page = OpenPage();

        await page.InvokeAsync(() => page.Find("[aria-label='Edit coupon_download']").Click());
        page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Name").Find("input").Input("Coupon saved");
        await Pick(page, "Intent group", "medium");
        await Press(page, "Save");

        page.WaitForAssertion(() => Assert.Contains("Saved coupon_download", page.Find("[data-testid=definitions-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Equal("Coupon saved|medium", await Database.TextAsync("SELECT name || '|' || intent_group FROM definitions WHERE key = 'coupon_download'"));
        Assert.Equal(1, await Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'admin@demo.local' AND target LIKE '%coupon_download%'"));
    }

    [Fact]
    public async Task An_alias_maps_a_local_name_and_the_same_name_twice_in_a_market_is_refused()
    {
        var page = OpenPage();
        var before = await Database.CountAsync("SELECT COUNT(*) FROM aliases");

        await AddAliasAsync(page, "DE", "de_gutschein", "coupon_download");

        page.WaitForAssertion(() => Assert.Contains("now imports as coupon_download", page.Find("[data-testid=definitions-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Equal(before + 1, await Database.CountAsync("SELECT COUNT(*) FROM aliases"));
        Assert.Contains("DE: de_gutschein", page.Find("[data-definition=coupon_download]").TextContent, StringComparison.Ordinal);

        // The same local name in the same market for another definition: refused, nothing stored.
        await AddAliasAsync(page, "DE", "de_gutschein", "newsletter_signup");

        page.WaitForAssertion(() => Assert.Contains("mud-alert-text-error", page.Find("[data-testid=definitions-message]").ClassName, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Equal(before + 1, await Database.CountAsync("SELECT COUNT(*) FROM aliases"));
    }
}
