using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Dashboards;

/// <summary>The signed-in user's named views of one page (a view is its URL's query), by the rules of <see cref="SavedViews"/>.</summary>
public sealed class SavedViewsService(IDbContextFactory<DashboardDbContext> contexts, ICurrentUser user, TimeProvider time)
{
    public const int MaxNameLength = SavedViews.MaxNameLength;

    /// <summary>Their views of <paramref name="page"/> (a base-relative path); none when no one is signed in.</summary>
    public async Task<IReadOnlyList<SavedViewLine>> ListAsync(string page, CancellationToken ct = default)
    {
        if (await user.IdAsync() is not { } id)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await SavedViews.ListAsync(db, id, page, ct);
    }

    /// <returns>Null when saved, else why not.</returns>
    public async Task<string?> SaveAsync(string page, string name, string query, CancellationToken ct = default)
    {
        if (await user.IdAsync() is not { } id)
        {
            return "sign in again to save views";
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await SavedViews.SaveAsync(db, id, page, name, query, time.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>Deletes one of their own views; another's id deletes nothing.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        if (await user.IdAsync() is not { } userId)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        await SavedViews.DeleteAsync(db, userId, id, ct);
    }
}
