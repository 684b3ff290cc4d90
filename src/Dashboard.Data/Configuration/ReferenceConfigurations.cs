using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Configuration;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<RegionRow>
{
    public void Configure(EntityTypeBuilder<RegionRow> b)
    {
        b.ToTable("regions");
        b.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class MarketConfiguration : IEntityTypeConfiguration<MarketRow>
{
    public void Configure(EntityTypeBuilder<MarketRow> b)
    {
        b.ToTable("markets");
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne<RegionRow>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<ChannelRow>
{
    public void Configure(EntityTypeBuilder<ChannelRow> b)
    {
        b.ToTable("channels");
        b.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class DefinitionConfiguration : IEntityTypeConfiguration<DefinitionRow>
{
    public void Configure(EntityTypeBuilder<DefinitionRow> b)
    {
        b.ToTable("definitions");
        b.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class AliasConfiguration : IEntityTypeConfiguration<AliasRow>
{
    public void Configure(EntityTypeBuilder<AliasRow> b)
    {
        b.ToTable("aliases");
        b.HasIndex(x => new { x.MarketId, x.Alias }).IsUnique();
        b.HasOne<MarketRow>().WithMany().HasForeignKey(x => x.MarketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DefinitionRow>().WithMany().HasForeignKey(x => x.DefinitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<HolidayRow>
{
    public void Configure(EntityTypeBuilder<HolidayRow> b)
    {
        b.ToTable("holidays");
        b.HasIndex(x => new { x.MarketId, x.Date }).IsUnique();
        b.HasOne<MarketRow>().WithMany().HasForeignKey(x => x.MarketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BrandConfiguration : IEntityTypeConfiguration<BrandRow>
{
    public void Configure(EntityTypeBuilder<BrandRow> b)
    {
        b.ToTable("brands");
        b.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<CampaignRow>
{
    public void Configure(EntityTypeBuilder<CampaignRow> b)
    {
        b.ToTable("campaigns");
        b.HasIndex(x => x.Key).IsUnique();
    }
}
