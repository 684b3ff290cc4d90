using Dashboard.Application.Packs;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Inventory;
using Dashboard.Application.Charts;
using Dashboard.Application.Dashboards;
using Dashboard.Exports.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Exports.Packs;

/// <summary>
/// Makes a business review pack file (PowerPoint or PDF) for a dashboard context: the data's freshness in the scope,
/// the pack, the file, and an audit log entry (what, for which scope and period, never the figures). The page, the
/// HTTP API, the command line and the schedules all make packs here.
/// </summary>
public sealed class PackMaker(ReviewPackBuilder builder, ChartRenderer renderer, DataInventory inventory, IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    public static IReadOnlyList<string> Formats => PackFormats.All;

    public async Task<PackFile> BuildAsync(DashboardContext context, ReviewRequest request, string format, string who,
        IProgress<PackProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (!Formats.Contains(format))
        {
            throw new ArgumentException($"Unknown format \"{format}\": use pptx or pdf.", nameof(format));
        }

        var sources = SourceFreshnessReader.Read(await inventory.KindsAsync(ct), await inventory.CoverageAsync(ct), context.Scope);
        var pack = await builder.BuildAsync(context, request, sources, who, progress, ct);
        var steps = request.Charts.Count + 2;
        progress?.Report(new PackProgress(format == "pdf" ? "Printing the report" : "Writing the deck", steps - 1, steps));
        var name = $"business-review-{pack.Range.From:yyyy-MM-dd}-{pack.Range.To:yyyy-MM-dd}.{format}";
        var file = format == "pdf"
            ? new PackFile(await ReportWriter.ToPdfAsync(pack, renderer, ct), name, ReportWriter.ContentType)
            : new PackFile(DeckWriter.ToBytes(pack), name, DeckWriter.ContentType);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await AuditLog.WriteAsync(db, time, who, AuditLog.Export, file.FileName,
                $"{ChartScope.Filters(context)}; {pack.Period}; {request.Charts.Count} charts; {file.Bytes.Length} bytes", ct);
        }

        progress?.Report(new PackProgress("Done", steps, steps));
        return file;
    }
}
