using Dashboard.Data;
using Dashboard.Data.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Admin;

/// <summary>The audit log as the admin page reads it, and as a component records what it hands over (a chart's image).</summary>
public sealed class AuditService(IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    /// <summary>How many events the page shows, newest first.</summary>
    public const int PageSize = 500;

    public async Task<IReadOnlyList<AuditLine>> LatestAsync(int count = PageSize, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await AuditLog.LatestAsync(db, count, ct);
    }

    /// <summary>
    /// A chart exported in the browser, recorded before the file is handed over like every download: the file, and
    /// for which scope (the caption's lines). The image itself never reaches the server.
    /// </summary>
    /// <returns>The file's name: the title in lower case, letters and digits kept, anything else one hyphen.</returns>
    public async Task<string> RecordChartExportAsync(string actor, string title, string format, IEnumerable<string> caption, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(title);
        var file = $"{Slug(title)}.{format}";
        await using var db = await contexts.CreateDbContextAsync(ct);
        await AuditLog.WriteAsync(db, time, actor, AuditLog.Export, file, string.Join("; ", caption), ct);
        return file;
    }

    internal static string Slug(string title)
    {
        var slug = new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Trim('-');
    }
}
