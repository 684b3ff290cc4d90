using Dashboard.Application.Analysis;
using Dashboard.Application.Dashboards;
using Dashboard.Data;
using Dashboard.Data.Definitions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Admin;

/// <summary>What the Definitions page shows: the catalogue, aliases that clash, the markets aliases can be given for, and who reports what.</summary>
public sealed record DefinitionsPageModel(IReadOnlyList<DefinitionEntry> Definitions, IReadOnlyList<AliasConflict> Conflicts, IReadOnlyList<string> Markets,
    DefinitionCoverage Coverage);

/// <summary>A definition as the edit form holds it while the administrator types.</summary>
public sealed class DefinitionDraft
{
    public string Key { get; init; } = "";

    public string Name { get; set; } = "";

    public string Category { get; set; } = "";

    public string IntentGroup { get; set; } = "";

    public string DefaultSource { get; set; } = "";

    public string Description { get; set; } = "";

    public static DefinitionDraft Of(DefinitionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new()
        {
            Key = entry.Key, Name = entry.Name, Category = entry.Category, IntentGroup = entry.IntentGroup, DefaultSource = entry.DefaultSource, Description = entry.Description,
        };
    }
}

/// <summary>
/// The Definitions page's tasks, by the catalogue's rules (<see cref="DefinitionCatalogue"/>): edit a definition (every
/// page regroups at once), add or remove a market's alias. Each change is audited under the administrator's name and
/// answered in one sentence: what now happens, or why nothing did.
/// </summary>
public sealed class DefinitionsService(IDbContextFactory<DashboardDbContext> contexts, MetricsSnapshotStore store, IViewer viewer, TimeProvider time)
{
    public async Task<DefinitionsPageModel> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var definitions = await DefinitionCatalogue.ListAsync(db, ct);
        var markets = await db.Markets.OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct);
        return new DefinitionsPageModel(definitions, DefinitionCatalogue.Conflicts(definitions), markets, DefinitionCoverage.Build(await store.GetAnalysisAsync(ct)));
    }

    public async Task<(bool Ok, string Message)> UpdateAsync(DefinitionDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var errors = await DefinitionCatalogue.UpdateAsync(db, time, draft.Key, draft.Name, draft.Category, draft.IntentGroup, draft.DefaultSource, draft.Description,
                await viewer.ActorAsync(), ct);
            if (errors.Count > 0)
            {
                return (false, string.Join("; ", errors));
            }
        }

        // The snapshot holds the catalogue: every page groups by the new category and intent once it is reloaded.
        await store.RefreshAsync(ct);
        return (true, $"Saved {draft.Key}: every page now groups it as {draft.Category.Replace('_', ' ')}, {draft.IntentGroup} intent.");
    }

    public async Task<(bool Ok, string Message)> AddAliasAsync(string market, string alias, string definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(alias);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var errors = await DefinitionCatalogue.AddAliasAsync(db, time, market, alias, definition, await viewer.ActorAsync(), ct);
        return errors.Count > 0 ? (false, string.Join("; ", errors)) : (true, $"{market}'s \"{alias.Trim()}\" now imports as {definition}.");
    }

    public async Task<(bool Ok, string Message)> RemoveAliasAsync(AliasView alias, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(alias);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await DefinitionCatalogue.RemoveAliasAsync(db, time, alias.Id, await viewer.ActorAsync(), ct);
        return (true, $"Removed {alias.Market}'s alias \"{alias.Alias}\": files naming it are refused from now on.");
    }
}
