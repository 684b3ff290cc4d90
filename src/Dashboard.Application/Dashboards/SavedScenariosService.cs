using System.Security.Claims;
using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// The saved scenarios of a scope for the signed-in user: the list, saving the scenario on screen under a name, and
/// deleting one of their own (the rules of <see cref="SavedScenarios"/>).
/// </summary>
public sealed class SavedScenariosService(IDbContextFactory<DashboardDbContext> contexts, ICurrentUser user, TimeProvider time)
{
    /// <summary>The signed-in user's id: their own scenarios may be deleted.</summary>
    public Task<string?> UserIdAsync() => user.IdAsync();

    public async Task<IReadOnlyList<SavedScenarioLine>> ListAsync(string scopeKey, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await SavedScenarios.ListAsync(db, scopeKey, ct);
    }

    /// <summary>Saves the model's scenario (its period and spend) under <paramref name="name"/>.</summary>
    /// <returns>Null when saved, else why not.</returns>
    public async Task<string?> SaveAsync(ScenarioPageModel model, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var principal = await user.GetAsync();
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return "sign in again to save scenarios";
        }

        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name ?? "";
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await SavedScenarios.SaveAsync(db, id, email, model.ScopeKey, name, model.PeriodKey, model.PlanInputUsd(), time.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>Deletes one of the user's own scenarios; another's id deletes nothing.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        var userId = await UserIdAsync();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SavedScenarios.DeleteAsync(db, userId ?? "", id, ct);
    }
}
