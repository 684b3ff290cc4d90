using Dashboard.Data.Entities;
using Dashboard.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Inventory;

/// <summary>
/// What the database holds: rows, date coverage and import history. Bookkeeping for the data pages and health,
/// not measures: figures about the business come from the metrics engine.
/// </summary>
public sealed class DataInventory(IDbContextFactory<DashboardDbContext> contexts) : IDisposable
{
    private sealed record Group(int MarketId, long Rows, DateOnly First, DateOnly Last);

    /// <summary>Kinds whose rows belong to one market; campaigns and FX rates are global.</summary>
    public static bool IsPerMarket(string kind) => kind is not (ImportKinds.Campaigns or ImportKinds.FxRates);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Stamp, Dictionary<string, List<Group>> ByKind)? _cache;

    public void Dispose() => _gate.Dispose();

    public async Task<IReadOnlyList<KindInventory>> KindsAsync(CancellationToken ct = default)
    {
        var byKind = await ByMarketCachedAsync(ct);
        return ImportKinds.All.Select(kind =>
        {
            var groups = byKind.GetValueOrDefault(kind.Key) ?? [];
            return new KindInventory(
                kind.Key, kind.Description, groups.Sum(g => g.Rows),
                groups.Count == 0 ? null : groups.Min(g => g.First),
                groups.Count == 0 ? null : groups.Max(g => g.Last),
                groups.Count(g => g.MarketId != 0));
        }).ToList();
    }

    /// <summary>Per market, the first and last date and row count of each dated kind.</summary>
    public async Task<IReadOnlyList<MarketCoverage>> CoverageAsync(CancellationToken ct = default)
    {
        var byKind = await ByMarketCachedAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var markets = await db.Markets.AsNoTracking().OrderBy(m => m.RegionId).ThenBy(m => m.Code).ToListAsync(ct);
        return markets.Select(m => new MarketCoverage(
            m.Code, m.Name, regions[m.RegionId],
            byKind.Where(k => k.Value.Any(g => g.MarketId == m.Id))
                .ToDictionary(k => k.Key, k => k.Value.Where(g => g.MarketId == m.Id).Select(g => new Coverage(g.Rows, g.First, g.Last)).Single())))
            .ToList();
    }

    public async Task<IReadOnlyList<ImportSummary>> RecentImportsAsync(int count, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Imports.AsNoTracking().OrderByDescending(i => i.Id).Take(count)
            .Select(i => new ImportSummary(i.Id, i.Kind, i.FileName, i.User, i.StartedUtc, i.FinishedUtc, i.Outcome, i.RowsRead, i.Inserted, i.Replaced, i.ErrorCount, i.Via, i.Template, i.RolledBackUtc))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The per-market scan reads every fact row, so it is kept until the data changes (an import, a rollback or an
    /// erasure: the data version).
    /// </summary>
    private async Task<Dictionary<string, List<Group>>> ByMarketCachedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stamp = await Snapshots.SnapshotLoader.DataVersionAsync(db, ct);
        await _gate.WaitAsync(ct);
        try
        {
            if (_cache is { } cached && cached.Stamp == stamp)
            {
                return cached.ByKind;
            }

            var byKind = await ByMarketAsync(db, ct);
            _cache = (stamp, byKind);
            return byKind;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<Dictionary<string, List<Group>>> ByMarketAsync(DashboardDbContext db, CancellationToken ct)
    {
        return new Dictionary<string, List<Group>>(StringComparer.Ordinal)
        {
            [ImportKinds.MicroConversions] = await Dated(db.MicroConversions, ct),
            [ImportKinds.Sales] = await Dated(db.Sales, ct),
            [ImportKinds.Spend] = await Dated(db.Spend, ct),
            [ImportKinds.Traffic] = await Dated(db.Traffic, ct),
            [ImportKinds.Context] = await Dated(db.Context, ct),
            [ImportKinds.SurveyResponses] = await Dated(db.SurveyResponses, ct),
            [ImportKinds.Journeys] = (await db.Journeys.Where(x => x.SupersededBy == null).GroupBy(x => x.MarketId)
                    .Select(g => new { g.Key, Rows = g.LongCount(), First = g.Min(x => x.TimestampUtc), Last = g.Max(x => x.TimestampUtc) })
                    .ToListAsync(ct))
                .Select(g => new Group(g.Key, g.Rows, DateOnly.FromDateTime(g.First), DateOnly.FromDateTime(g.Last))).ToList(),
            [ImportKinds.HoldoutTests] = (await db.HoldoutTests.Where(x => x.SupersededBy == null).GroupBy(x => x.MarketId)
                    .Select(g => new { g.Key, Rows = g.LongCount(), First = g.Min(x => x.Start), Last = g.Max(x => x.End) }).ToListAsync(ct))
                .Select(g => new Group(g.Key, g.Rows, g.First, g.Last)).ToList(),
            // Not per market: market id 0 marks a kind-wide group.
            [ImportKinds.Campaigns] = (await db.CampaignFlights.Where(x => x.SupersededBy == null).GroupBy(_ => 0)
                    .Select(g => new { Rows = g.LongCount(), First = g.Min(x => x.Start), Last = g.Max(x => x.End) }).ToListAsync(ct))
                .Select(g => new Group(0, g.Rows, g.First, g.Last)).ToList(),
            [ImportKinds.FxRates] = (await db.FxRates.Where(x => x.SupersededBy == null).Select(x => x.Month).ToListAsync(ct)) is { Count: > 0 } months
                ? [new Group(0, months.Count, MonthStart(months.Min()!), MonthStart(months.Max()!).AddMonths(1).AddDays(-1))]
                : [],
        };
    }

    private static DateOnly MonthStart(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<Group>> Dated<T>(IQueryable<T> rows, CancellationToken ct)
        where T : ImportedRow, IDated =>
        (await rows.Where(x => x.SupersededBy == null).GroupBy(x => x.MarketId)
            .Select(g => new { g.Key, Rows = g.LongCount(), First = g.Min(x => x.Date), Last = g.Max(x => x.Date) }).ToListAsync(ct))
        .Select(g => new Group(g.Key, g.Rows, g.First, g.Last)).ToList();
}
