using Dashboard.Application.Admin;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Tests.Pages;

/// <summary>
/// The Users and API keys pages on their own copy of the seeded database, with the app's identity rules: a form
/// submitted is a row in the list, in the database and in the audit log; a refusal changes nothing.
/// </summary>
public sealed class AccessAdminPageTests : DatabasePageTestContext
{
    private IRenderedComponent<TPage> OpenAdmin<TPage>()
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var factory = Database.Factory();
        Services.AddLogging();
        Services.AddScoped(_ => DashboardDatabase.OpenSqlite(Database.Path));
        Services.AddIdentityCore<DashboardUser>(IdentityRules.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<DashboardDbContext>();
        Services.AddSingleton(sp => new UsersService(sp.GetRequiredService<IServiceScopeFactory>(), factory, Viewer, TimeProvider.System));
        Services.AddSingleton(new ApiKeysService(factory, Viewer, TimeProvider.System));
        return Open<TPage>();
    }

    private static void Type(IRenderedComponent<Users> page, string label, string value) =>
        page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == label).Find("input").Change(value);

    [Fact]
    public async Task Adding_a_regional_user_lists_them_with_their_market_and_audits_it()
    {
        Viewer.Actor = "admin@demo.local";
        var page = OpenAdmin<Users>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[aria-label=Users]")), TimeSpan.FromSeconds(30));

        Type(page, "E-mail", "fr.team@demo.local");
        Type(page, "Initial password", "Correct-horse-9!");
        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.MultiSelection).Instance.SelectedValuesChanged.InvokeAsync(new[] { "market:FR" }));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Add user").Click());

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[aria-label=Users] tbody tr"), r => r.TextContent.Contains("fr.team@demo.local", StringComparison.Ordinal)
            && r.TextContent.Contains("market:FR", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        Assert.Equal(1, await Database.CountAsync("SELECT COUNT(*) FROM users WHERE email = 'fr.team@demo.local'"));
        Assert.Equal(1, await Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'user_created' AND actor = 'admin@demo.local' AND target = 'fr.team@demo.local'"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_reason_and_adds_no_one()
    {
        var before = await Database.CountAsync("SELECT COUNT(*) FROM users");
        var page = OpenAdmin<Users>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[aria-label=Users]")), TimeSpan.FromSeconds(30));

        Type(page, "E-mail", "weak@demo.local");
        Type(page, "Initial password", "short");
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Add user").Click());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-alert-text-error")), TimeSpan.FromSeconds(30));
        Assert.Equal(before, await Database.CountAsync("SELECT COUNT(*) FROM users"));
        Assert.Equal(0, await Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'user_created'"));
    }

    [Fact]
    public async Task A_created_key_is_shown_once_listed_by_prefix_and_revoked_at_once()
    {
        Viewer.Actor = "admin@demo.local";
        var page = OpenAdmin<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[aria-label='API keys']")), TimeSpan.FromSeconds(30));

        page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Key name").Find("input").Change("nightly pipeline");
        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.MultiSelection).Instance.SelectedValuesChanged.InvokeAsync(new[] { "region:emea" }));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Create key").Click());

        var secret = page.WaitForElement("[data-testid=new-api-key]", TimeSpan.FromSeconds(30)).TextContent;
        var prefix = await Database.TextAsync("SELECT prefix FROM api_keys WHERE name = 'nightly pipeline' AND revoked_utc IS NULL");
        Assert.StartsWith($"roi_{prefix}_", secret, StringComparison.Ordinal);
        // Only the hash is kept.
        Assert.Equal(0, await Database.CountAsync($"SELECT COUNT(*) FROM api_keys WHERE hash = '{secret}'"));
        var row = page.FindAll("[aria-label='API keys'] tbody tr").Single(r => r.TextContent.Contains("nightly pipeline", StringComparison.Ordinal));
        Assert.Contains("region:emea", row.TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[aria-label='Revoke nightly pipeline']").Click());

        Assert.Equal(1, await Database.CountAsync("SELECT COUNT(*) FROM api_keys WHERE name = 'nightly pipeline' AND revoked_utc IS NOT NULL"));
        Assert.Equal(1, await Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'api_key_revoked' AND actor = 'admin@demo.local'"));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=new-api-key]")));
    }
}
