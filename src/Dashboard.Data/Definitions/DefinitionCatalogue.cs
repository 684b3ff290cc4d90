using Dashboard.Data.Entities;
using Dashboard.Domain.Reference;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Definitions;

public sealed record AliasView(int Id, string Market, string Alias);

public sealed record DefinitionEntry(
    int Id, string Key, string Name, string Category, string IntentGroup, string DefaultSource, string Description, IReadOnlyList<AliasView> Aliases);

/// <summary>The same local event name pointing at two definitions in two markets: one of them is probably wrong.</summary>
public sealed record AliasConflict(string Alias, IReadOnlyList<(string Market, string Definition)> Mappings);

/// <summary>
/// The catalogue of micro-conversion definitions and their market aliases, edited by admins. An edit changes what
/// stored rows mean, not the rows: it is recorded as a data change, so every page (and every instance) reloads the
/// engine's reference lists at once, with no re-import.
/// </summary>
public static class DefinitionCatalogue
{
    public static async Task<IReadOnlyList<DefinitionEntry>> ListAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var aliases = await (from a in db.Aliases
                             join m in db.Markets on a.MarketId equals m.Id
                             orderby m.Code, a.Alias
                             select new { a.Id, a.DefinitionId, m.Code, a.Alias }).AsNoTracking().ToListAsync(ct);
        var definitions = await db.Definitions.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        return [.. definitions.Select(d => new DefinitionEntry(d.Id, d.Key, d.Name, d.Category, d.IntentGroup, d.DefaultSource, d.Description,
            [.. aliases.Where(a => a.DefinitionId == d.Id).Select(a => new AliasView(a.Id, a.Code, a.Alias))]))];
    }

    public static async Task<IReadOnlyList<string>> UpdateAsync(
        DashboardDbContext db, TimeProvider time, string key, string name, string category, string intentGroup, string defaultSource,
        string description, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var errors = new List<string>();
        var definition = await db.Definitions.FirstOrDefaultAsync(d => d.Key == key, ct);
        if (definition is null)
        {
            return [$"'{key}' is not a definition"];
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("the name may not be empty");
        }

        Check(errors, "category", category, Keys.CategoryKeys);
        Check(errors, "intent group", intentGroup, Keys.IntentKeys);
        Check(errors, "default source", defaultSource, Keys.SourceKeys);
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = $"{definition.Name}, {definition.Category}, {definition.IntentGroup}, {definition.DefaultSource}";
        definition.Name = name.Trim();
        definition.Category = category;
        definition.IntentGroup = intentGroup;
        definition.DefaultSource = defaultSource;
        definition.Description = description?.Trim() ?? "";
        var after = $"{definition.Name}, {definition.Category}, {definition.IntentGroup}, {definition.DefaultSource}";
        await RecordAsync(db, time, actor, "definition_changed", key, before == after ? "description" : $"{before} → {after}", ct);
        return [];
    }

    public static async Task<IReadOnlyList<string>> AddAliasAsync(
        DashboardDbContext db, TimeProvider time, string marketCode, string alias, string definitionKey, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = alias?.Trim() ?? "";
        var market = await db.Markets.FirstOrDefaultAsync(m => m.Code == marketCode, ct);
        var definition = await db.Definitions.FirstOrDefaultAsync(d => d.Key == definitionKey, ct);
        var errors = new List<string>();
        if (market is null)
        {
            errors.Add($"'{marketCode}' is not a configured market");
        }

        if (definition is null)
        {
            errors.Add($"'{definitionKey}' is not a definition");
        }

        if (name.Length == 0)
        {
            errors.Add("give the local event name the market's systems send");
        }
        else if (await db.Definitions.AnyAsync(d => d.Key == name, ct))
        {
            errors.Add($"'{name}' is a definition's own key: it needs no alias");
        }
        else if (market is not null && await db.Aliases.Where(a => a.MarketId == market.Id && a.Alias == name)
                     .Join(db.Definitions, a => a.DefinitionId, d => d.Id, (_, d) => d.Key).FirstOrDefaultAsync(ct) is { } existing)
        {
            errors.Add($"'{name}' already maps to {existing} in {market.Code}");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.Aliases.Add(new AliasRow { MarketId = market!.Id, Alias = name, DefinitionId = definition!.Id });
        await RecordAsync(db, time, actor, "alias_added", $"{market.Code}: {name}", $"→ {definition.Key}", ct);
        return [];
    }

    public static async Task<bool> RemoveAliasAsync(DashboardDbContext db, TimeProvider time, int aliasId, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var alias = await db.Aliases.FirstOrDefaultAsync(a => a.Id == aliasId, ct);
        if (alias is null)
        {
            return false;
        }

        var market = await db.Markets.Where(m => m.Id == alias.MarketId).Select(m => m.Code).FirstAsync(ct);
        var definition = await db.Definitions.Where(d => d.Id == alias.DefinitionId).Select(d => d.Key).FirstAsync(ct);
        db.Aliases.Remove(alias);
        await RecordAsync(db, time, actor, "alias_removed", $"{market}: {alias.Alias}", $"was → {definition}", ct);
        return true;
    }

    /// <summary>Local names that map to different definitions in different markets.</summary>
    public static IReadOnlyList<AliasConflict> Conflicts(IReadOnlyList<DefinitionEntry> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return [.. definitions
            .SelectMany(d => d.Aliases.Select(a => (a.Alias, a.Market, Definition: d.Key)))
            .GroupBy(a => a.Alias, StringComparer.Ordinal)
            .Where(g => g.Select(a => a.Definition).Distinct(StringComparer.Ordinal).Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AliasConflict(g.Key, [.. g.OrderBy(a => a.Market, StringComparer.Ordinal).Select(a => (a.Market, a.Definition))]))];
    }

    private static void Check(List<string> errors, string what, string value, IReadOnlyCollection<string> allowed)
    {
        if (!allowed.Contains(value))
        {
            errors.Add($"'{value}' is not a {what} ({string.Join(", ", allowed)})");
        }
    }

    private static async Task RecordAsync(DashboardDbContext db, TimeProvider time, string actor, string action, string target, string details, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.DataChanges.Add(new DataChange { Utc = now, Kind = DataChange.Definitions, Actor = actor, Summary = $"{action} {target}" });
        db.AuditLog.Add(new AuditEntry { Utc = now, Actor = actor, Action = action, Target = target, Details = details });
        await db.SaveChangesAsync(ct);
    }
}
