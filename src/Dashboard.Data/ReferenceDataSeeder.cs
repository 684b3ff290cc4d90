using Dashboard.Data.Entities;
using Dashboard.Domain.Reference;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>Fills an empty database with the default reference data of DATA.md; leaves a configured one alone.</summary>
public static class ReferenceDataSeeder
{
    /// <summary>Years the shipped holiday calendar is written for.</summary>
    public const int HolidaysFromYear = 2015;
    public const int HolidaysToYear = 2035;

    public static async Task EnsureSeededAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Regions.AnyAsync(ct))
        {
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var regions = DefaultReferenceData.Regions.Select(r => new RegionRow { Key = r.Key, Name = r.Name }).ToList();
        db.Regions.AddRange(regions);
        await db.SaveChangesAsync(ct);
        var regionId = regions.ToDictionary(r => r.Key, r => r.Id, StringComparer.Ordinal);

        var markets = DefaultReferenceData.Markets.Select(m => new MarketRow
        {
            Code = m.Code, Name = m.Name, RegionId = regionId[m.RegionKey], Currency = m.Currency, Hemisphere = m.Hemisphere.ToKey(),
        }).ToList();
        db.Markets.AddRange(markets);
        db.Channels.AddRange(DefaultReferenceData.Channels.Select(c => new ChannelRow { Key = c.Key, Name = c.Name, IsPaid = c.IsPaid }));
        var definitions = DefaultReferenceData.Definitions.Select(d => new DefinitionRow
        {
            Key = d.Key, Name = d.Name, Category = d.Category.ToKey(), IntentGroup = d.IntentGroup.ToKey(), DefaultSource = d.DefaultSource.ToKey(),
        }).ToList();
        db.Definitions.AddRange(definitions);
        await db.SaveChangesAsync(ct);

        var marketId = markets.ToDictionary(m => m.Code, m => m.Id, StringComparer.Ordinal);
        var definitionId = definitions.ToDictionary(d => d.Key, d => d.Id, StringComparer.Ordinal);
        db.Aliases.AddRange(DefaultReferenceData.Aliases.Select(a => new AliasRow
        {
            MarketId = marketId[a.MarketCode], Alias = a.Alias, DefinitionId = definitionId[a.DefinitionKey],
        }));
        db.Holidays.AddRange(DefaultReferenceData.HolidaysFor(HolidaysFromYear, HolidaysToYear).Select(h => new HolidayRow
        {
            MarketId = marketId[h.MarketCode], Date = h.Date, Name = h.Name,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
