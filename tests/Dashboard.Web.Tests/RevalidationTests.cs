using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Entities;
using Dashboard.Web.Access;
using Dashboard.Web.TestHost;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests;

/// <summary>An open page's sign-in stops being valid when the user's rights change or the account is locked.</summary>
public sealed class RevalidationTests
{
    [Fact]
    public async Task A_changed_grant_or_a_lock_out_invalidates_the_claims_an_open_page_holds()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<DashboardUser>>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var user = (await users.FindByEmailAsync("us@demo.local"))!;
        var principal = await services.GetRequiredService<SignInManager<DashboardUser>>().CreateUserPrincipalAsync(user);

        Assert.True(await RevalidatingStateProvider.IsCurrentAsync(users, principal, stampClaim));

        var errors = await UserAccounts.UpdateAsync(users, services.GetRequiredService<RoleManager<IdentityRole>>(), services.GetRequiredService<DashboardDbContext>(),
            user.Id, "regional", [new ScopeGrant(ScopeGrant.MarketKind, "CA")], TestContext.Current.CancellationToken);
        Assert.Empty(errors);
        Assert.False(await RevalidatingStateProvider.IsCurrentAsync(users, principal, stampClaim));

        var fresh = await services.GetRequiredService<SignInManager<DashboardUser>>().CreateUserPrincipalAsync((await users.FindByEmailAsync("us@demo.local"))!);
        Assert.True(await RevalidatingStateProvider.IsCurrentAsync(users, fresh, stampClaim));
        await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("us@demo.local"))!, DateTimeOffset.UtcNow.AddHours(1));
        Assert.False(await RevalidatingStateProvider.IsCurrentAsync(users, fresh, stampClaim));
    }
}
