using Dashboard.Data.Access;
using Dashboard.Data.Entities;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>Named views per user and page, on both providers: a name saved twice replaces the view, and nobody deletes another's view.</summary>
public sealed class SavedViewsTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly DateTime Noon = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ProviderDatabase.Sqlite)]
    [InlineData(ProviderDatabase.Postgres)]
    public async Task Saving_a_name_again_replaces_the_view_and_another_user_cannot_delete_it(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await using var db = temp.Open();
        db.Users.AddRange(new DashboardUser { Id = "ann", UserName = "ann@example.com" }, new DashboardUser { Id = "bob", UserName = "bob@example.com" });
        await db.SaveChangesAsync(Ct);

        Assert.Null(await SavedViews.SaveAsync(db, "ann", "trends", "  Germany weekly ", "market=DE&grain=week", Noon, Ct));
        Assert.Null(await SavedViews.SaveAsync(db, "ann", "trends", "All markets", "", Noon, Ct));
        Assert.Null(await SavedViews.SaveAsync(db, "ann", "trends", "Germany weekly", "market=DE&grain=month", Noon.AddHours(1), Ct));
        Assert.Null(await SavedViews.SaveAsync(db, "ann", "channels", "Germany weekly", "market=DE", Noon, Ct));

        var trends = await SavedViews.ListAsync(db, "ann", "trends", Ct);
        Assert.Equal(["All markets", "Germany weekly"], trends.Select(v => v.Name));
        Assert.Equal("market=DE&grain=month", trends[1].Query);
        Assert.Empty(await SavedViews.ListAsync(db, "bob", "trends", Ct));

        Assert.False(await SavedViews.DeleteAsync(db, "bob", trends[1].Id, Ct));
        Assert.True(await SavedViews.DeleteAsync(db, "ann", trends[1].Id, Ct));
        Assert.Single(await SavedViews.ListAsync(db, "ann", "trends", Ct));

        Assert.Equal("give the view a name", await SavedViews.SaveAsync(db, "ann", "trends", "   ", "", Noon, Ct));
        Assert.StartsWith("a view's name has at most", await SavedViews.SaveAsync(db, "ann", "trends", new string('x', 81), "", Noon, Ct));
    }
}
