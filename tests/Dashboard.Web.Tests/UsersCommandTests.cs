using System.Text.Json;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>Outside Development there are no default users: `dashboard users add` creates the first admin, who can then sign in.</summary>
public sealed class UsersCommandTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_demo_data_there_is_no_user_and_the_admin_created_on_the_command_line_can_sign_in()
    {
        await using var app = AppFactory.StartOnNewDatabase(new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "false" });
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM users"));

        var (exit, stdout, stderr) = await Cli.RunAsync("users", "add", "--email", "first.admin@example.com", "--role", "admin",
            "--name", "First Admin", "--password", "Correct-horse-9!", "--db", app.Database.Path);

        Assert.True(exit == 0, stderr);
        Assert.Equal("admin", JsonDocument.Parse(stdout).RootElement.GetProperty("role").GetString());
        using var client = await app.SignedInClientAsync("first.admin@example.com", "Correct-horse-9!");
        Assert.Contains("Import history", await client.GetStringAsync("/data/imports", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_an_unknown_role_or_market_is_refused_with_the_reason_and_creates_nobody()
    {
        await using var temp = await TempDatabase.CreateAsync();

        var weak = await Cli.RunAsync("users", "add", "--email", "a@example.com", "--role", "admin", "--password", "short", "--db", temp.Path);
        var role = await Cli.RunAsync("users", "add", "--email", "b@example.com", "--role", "boss", "--password", "Correct-horse-9!", "--db", temp.Path);
        var market = await Cli.RunAsync("users", "add", "--email", "c@example.com", "--role", "regional", "--grant", "market:XX",
            "--password", "Correct-horse-9!", "--db", temp.Path);

        Assert.Equal(1, weak.Exit);
        Assert.Contains("at least 12 characters", weak.Err, StringComparison.Ordinal);
        Assert.Equal(1, role.Exit);
        Assert.Contains("role 'boss' is not one of admin, director, regional, viewer", role.Err, StringComparison.Ordinal);
        Assert.Equal(1, market.Exit);
        Assert.Contains("market 'XX' does not exist", market.Err, StringComparison.Ordinal);
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task A_regional_user_with_a_region_grant_is_listed_with_it()
    {
        await using var temp = await TempDatabase.CreateAsync();

        var (exit, _, stderr) = await Cli.RunAsync("users", "add", "--email", "emea.lead@example.com", "--role", "regional", "--grant", "region:EMEA",
            "--grant", "market:us", "--password", "Correct-horse-9!", "--db", temp.Path);
        var list = await Cli.RunAsync("users", "list", "--db", temp.Path);

        Assert.True(exit == 0, stderr);
        var user = JsonDocument.Parse(list.Out).RootElement[0];
        Assert.Equal("emea.lead@example.com", user.GetProperty("email").GetString());
        Assert.Equal(["market:US", "region:emea"], user.GetProperty("grants").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("regional", user.GetProperty("roles")[0].GetString());
    }
}
