using Dashboard.Data.Access;
using Dashboard.Data.Entities;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>Saved budget scenarios: shared within a market scope, kept in USD exactly, renamed only by their author.</summary>
public sealed class SavedScenariosTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly DateTime Noon = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_scenario_is_shared_within_its_scope_and_only_its_author_replaces_or_deletes_it(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await using var db = temp.Open();
        db.Users.AddRange(new DashboardUser { Id = "ann", UserName = "ann@example.com" }, new DashboardUser { Id = "bob", UserName = "bob@example.com" });
        await db.SaveChangesAsync(Ct);
        var spend = new Dictionary<string, double> { ["paid_search"] = 52_244.891390451785, ["display"] = 0.1 + 0.2 };

        Assert.Null(await SavedScenarios.SaveAsync(db, "ann", "ann@example.com", "*", " More search ", "next_quarter", spend, Noon, Ct));
        Assert.Null(await SavedScenarios.SaveAsync(db, "ann", "ann@example.com", "US", "More search", "next_month", spend, Noon, Ct));

        var all = await SavedScenarios.ListAsync(db, "*", Ct);
        var line = Assert.Single(all);
        Assert.Equal(("More search", "ann@example.com", "next_quarter"), (line.Name, line.AuthorEmail, line.Period));
        Assert.Equal(52_244.891390451785, line.SpendUsd["paid_search"]);
        Assert.Equal(0.1 + 0.2, line.SpendUsd["display"]);
        Assert.Single(await SavedScenarios.ListAsync(db, "US", Ct));

        // Bob sees Ann's scenario in the same scope but cannot take its name or delete it.
        Assert.Equal("ann@example.com already saved a scenario named “More search”: pick another name",
            await SavedScenarios.SaveAsync(db, "bob", "bob@example.com", "*", "More search", "next_month", spend, Noon, Ct));
        Assert.False(await SavedScenarios.DeleteAsync(db, "bob", line.Id, Ct));

        Assert.Null(await SavedScenarios.SaveAsync(db, "ann", "ann@example.com", "*", "More search", "next_month", new Dictionary<string, double> { ["display"] = 5 }, Noon.AddHours(1), Ct));
        line = Assert.Single(await SavedScenarios.ListAsync(db, "*", Ct));
        Assert.Equal("next_month", line.Period);
        Assert.Equal(new Dictionary<string, double> { ["display"] = 5 }, line.SpendUsd);
        Assert.True(await SavedScenarios.DeleteAsync(db, "ann", line.Id, Ct));
        Assert.Empty(await SavedScenarios.ListAsync(db, "*", Ct));

        Assert.Equal("give the scenario a name", await SavedScenarios.SaveAsync(db, "ann", "ann@example.com", "*", "  ", "next_month", spend, Noon, Ct));
    }
}
