using Dashboard.Data;
using Dashboard.Data.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Imports;

/// <summary>A saved source template: the standard kind its source maps onto and the column mapping.</summary>
public sealed record TemplateLine(string Name, string Kind, ColumnMapping Mapping, string UpdatedBy, DateTime UpdatedUtc);

/// <summary>
/// Source templates (named column mappings of a source's export) for every surface: the Import page, the HTTP API
/// (<c>template=</c>) and <c>dashboard templates</c>; one set of rules for naming and checking them.
/// </summary>
public sealed class SourceTemplatesService(IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<TemplateLine>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return [.. (await SourceTemplates.ListAsync(db, ct)).Select(Line)];
    }

    public async Task<TemplateLine?> FindAsync(string name, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await SourceTemplates.FindAsync(db, name, ct) is { } template ? Line(template) : null;
    }

    /// <summary>Creates the template or replaces the mapping of the one with that name; refused with every reason when not valid.</summary>
    public async Task<(TemplateLine? Template, IReadOnlyList<string> Errors)> SaveAsync(string name, string kind, ColumnMapping mapping, string user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (template, errors) = await SourceTemplates.SaveAsync(db, time, name, kind, mapping, user, ct);
        return (template is null ? null : Line(template), errors);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await SourceTemplates.DeleteAsync(db, name, ct);
    }

    private static TemplateLine Line(Data.Entities.SourceTemplate template) =>
        new(template.Name, template.Kind, SourceTemplates.MappingOf(template), template.UpdatedBy, template.UpdatedUtc);
}
