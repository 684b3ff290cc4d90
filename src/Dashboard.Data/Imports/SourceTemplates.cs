using Dashboard.Data.Entities;
using Dashboard.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Imports;

/// <summary>Named column mappings of sources' exports (<see cref="SourceTemplate"/>), shared by uploads, the API and the CLI.</summary>
public static class SourceTemplates
{
    public static async Task<IReadOnlyList<SourceTemplate>> ListAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.SourceTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
    }

    public static async Task<SourceTemplate?> FindAsync(DashboardDbContext db, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var trimmed = name.Trim();
        return await db.SourceTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Name == trimmed, ct);
    }

    /// <summary>The problems that stop a mapping from being saved for a kind; empty when it can be.</summary>
    public static IReadOnlyList<string> Check(string name, string kind, ColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("give the template a name that says which source it reads (for example \"Loyalty CRM export\")");
        }

        if (ImportKinds.Find(kind) is not { } spec)
        {
            errors.Add($"'{kind}' is not an import kind");
            return errors;
        }

        foreach (var (source, target) in mapping.Columns)
        {
            if (spec.Column(target) is null)
            {
                errors.Add($"'{source}' is mapped to '{target}', which is not a column of {spec.Key}");
            }
        }

        errors.AddRange(mapping.Columns.GroupBy(c => c.Value, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' is fed by {string.Join(" and ", g.Select(c => $"'{c.Key}'"))}: map one source column to it"));
        return errors;
    }

    /// <summary>Creates the template or replaces the mapping of the one with that name.</summary>
    public static async Task<(SourceTemplate? Template, IReadOnlyList<string> Errors)> SaveAsync(
        DashboardDbContext db, TimeProvider time, string name, string kind, ColumnMapping mapping, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var errors = Check(name, kind, mapping);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var trimmed = name.Trim();
        var template = await db.SourceTemplates.FirstOrDefaultAsync(t => t.Name == trimmed, ct);
        if (template is null)
        {
            template = new SourceTemplate { Name = trimmed };
            db.SourceTemplates.Add(template);
        }

        template.Kind = ImportKinds.Find(kind)!.Key;
        template.MappingJson = mapping.ToJson();
        template.UpdatedBy = user;
        template.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (template, []);
    }

    public static async Task<bool> DeleteAsync(DashboardDbContext db, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var trimmed = name.Trim();
        return await db.SourceTemplates.Where(t => t.Name == trimmed).ExecuteDeleteAsync(ct) > 0;
    }

    public static ColumnMapping MappingOf(SourceTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return ColumnMapping.FromJson(template.MappingJson);
    }
}
