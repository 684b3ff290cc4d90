using System.Globalization;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Access;

/// <summary>A saved budget scenario as the page lists it; spend per day in USD by channel key.</summary>
public sealed record SavedScenarioLine(int Id, string Name, string AuthorId, string AuthorEmail, string Period, IReadOnlyDictionary<string, double> SpendUsd, DateTime SavedUtc);

/// <summary>
/// Named budget scenarios, shared by everyone whose markets are the same (a regional team plans on its own curves).
/// Saving a name that exists in the scope replaces it when the same author saves it, and is refused otherwise.
/// </summary>
public static class SavedScenarios
{
    public const int MaxNameLength = 80;

    public static async Task<IReadOnlyList<SavedScenarioLine>> ListAsync(DashboardDbContext db, string scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.SavedScenarios.AsNoTracking().Where(s => s.Scope == scope).ToListAsync(ct);
        return [.. rows.OrderByDescending(s => s.SavedUtc).Select(s => new SavedScenarioLine(s.Id, s.Name, s.AuthorId, s.AuthorEmail, s.Period, Parse(s.SpendUsd), s.SavedUtc))];
    }

    /// <returns>Null when saved, else why not.</returns>
    public static async Task<string?> SaveAsync(DashboardDbContext db, string authorId, string authorEmail, string scope, string name, string period,
        IReadOnlyDictionary<string, double> spendUsd, DateTime utc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(spendUsd);
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return "give the scenario a name";
        }

        if (trimmed.Length > MaxNameLength)
        {
            return $"a scenario's name has at most {MaxNameLength} characters";
        }

        var spend = string.Join(',', spendUsd.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:R}")));
        var existing = await db.SavedScenarios.FirstOrDefaultAsync(s => s.Scope == scope && s.Name == trimmed, ct);
        if (existing is null)
        {
            db.SavedScenarios.Add(new SavedScenario
            {
                Name = trimmed, AuthorId = authorId, AuthorEmail = authorEmail, Scope = scope, Period = period, SpendUsd = spend, SavedUtc = utc,
            });
        }
        else if (existing.AuthorId != authorId)
        {
            return $"{existing.AuthorEmail} already saved a scenario named “{trimmed}”: pick another name";
        }
        else
        {
            (existing.Period, existing.SpendUsd, existing.SavedUtc) = (period, spend, utc);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Deletes one of the author's own scenarios (another user's id deletes nothing).</summary>
    public static async Task<bool> DeleteAsync(DashboardDbContext db, string authorId, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.SavedScenarios.Where(s => s.Id == id && s.AuthorId == authorId).ExecuteDeleteAsync(ct) == 1;
    }

    private static Dictionary<string, double> Parse(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
