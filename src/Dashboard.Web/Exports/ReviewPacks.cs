using System.Collections.Concurrent;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Inventory;
using Dashboard.Reports.Charts;
using Dashboard.Reports.Dashboards;
using Dashboard.Reports.Packs;
using Dashboard.Reports.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Exports;

/// <summary>A built pack file.</summary>
public sealed record PackFile(byte[] Bytes, string FileName, string ContentType);

/// <summary>
/// Builds business review packs (PowerPoint or PDF) for a dashboard context, with the data's freshness in the scope,
/// records each in the audit log, and keeps a finished file briefly for its owner's browser to download.
/// </summary>
public sealed class ReviewPacks(ReviewPackBuilder builder, ChartRenderer renderer, DataInventory inventory, IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (PackFile File, string Owner, DateTimeOffset Until)> _ready = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Formats { get; } = ["pptx", "pdf"];

    public async Task<PackFile> BuildAsync(DashboardContext context, ReviewRequest request, string format, string who,
        IProgress<PackProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Formats.Contains(format))
        {
            throw new ArgumentException($"Unknown format \"{format}\": use pptx or pdf.", nameof(format));
        }

        var sources = SourceFreshnessReader.Read(await inventory.KindsAsync(ct), await inventory.CoverageAsync(ct), context.Scope);
        var pack = await builder.BuildAsync(context, request, sources, who, progress, ct);
        progress?.Report(new PackProgress(format == "pdf" ? "Printing the report" : "Writing the deck", request.Charts.Count + 1, request.Charts.Count + 2));
        var file = format == "pdf"
            ? new PackFile(await ReportWriter.ToPdfAsync(pack, renderer, ct), FileName(pack, "pdf"), ReportWriter.ContentType)
            : new PackFile(DeckWriter.ToBytes(pack), FileName(pack, "pptx"), DeckWriter.ContentType);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await AuditLog.WriteAsync(db, time, who, AuditLog.Export, file.FileName,
                $"{ChartScope.Filters(context)}; {pack.Period}; {request.Charts.Count} charts; {file.Bytes.Length} bytes", ct);
        }

        progress?.Report(new PackProgress("Done", request.Charts.Count + 2, request.Charts.Count + 2));
        return file;
    }

    /// <summary>Keeps <paramref name="file"/> for its owner to fetch once within ten minutes; returns the id to fetch it by.</summary>
    public string Hold(PackFile file, string owner)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _ready.Where(r => r.Value.Until < now).Select(r => r.Key).ToList())
        {
            _ready.TryRemove(stale, out _);
        }

        var id = Guid.NewGuid().ToString("N");
        _ready[id] = (file, owner, now + Keep);
        return id;
    }

    /// <summary>The held file, once, for its owner; null when unknown, expired, already fetched or someone else's.</summary>
    public PackFile? Take(string id, string owner) =>
        _ready.TryGetValue(id, out var held) && held.Owner == owner && held.Until >= time.GetUtcNow() && _ready.TryRemove(id, out _) ? held.File : null;

    private static string FileName(ReviewPack pack, string extension) =>
        $"business-review-{pack.Range.From:yyyy-MM-dd}-{pack.Range.To:yyyy-MM-dd}.{extension}";
}
