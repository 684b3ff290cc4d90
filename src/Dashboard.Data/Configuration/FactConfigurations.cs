using System.Linq.Expressions;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Configuration;

/// <summary>
/// Shared mapping of imported rows: the natural key of DATA.md is unique among current rows
/// (a filtered index, so replaced rows can be kept for rollback), and import ids are indexed for rollback.
/// </summary>
internal abstract class ImportedRowConfiguration<T>(string table) : IEntityTypeConfiguration<T>
    where T : ImportedRow
{
    /// <summary>Portable filter SQL: the same text works on SQLite and PostgreSQL.</summary>
    public const string CurrentRowsFilter = "superseded_by IS NULL";
    public const string ReplacedRowsFilter = "superseded_by IS NOT NULL";

    protected abstract Expression<Func<T, object?>> NaturalKey { get; }

    public virtual void Configure(EntityTypeBuilder<T> b)
    {
        b.ToTable(table);
        b.HasIndex(NaturalKey).IsUnique().HasFilter(CurrentRowsFilter).HasDatabaseName($"ux_{table}_natural_key");
        b.HasIndex(x => x.ImportId).HasDatabaseName($"ix_{table}_import_id");
        // Only replaced rows are indexed: current rows (NULL) are most rows, and an import then pays no entry per row.
        b.HasIndex(x => x.SupersededBy).HasFilter(ReplacedRowsFilter).HasDatabaseName($"ix_{table}_superseded_by");
        b.HasOne<ImportRecord>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Restrict);
    }

    protected static void References<TRef>(EntityTypeBuilder<T> b, Expression<Func<T, object?>> key)
        where TRef : class
        => b.HasOne<TRef>().WithMany().HasForeignKey(key).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class MicroConversionConfiguration() : ImportedRowConfiguration<MicroConversionFact>("micro_conversions")
{
    protected override Expression<Func<MicroConversionFact, object?>> NaturalKey =>
        x => new { x.Date, x.MarketId, x.ChannelId, x.CampaignId, x.DefinitionId, x.Source };

    public override void Configure(EntityTypeBuilder<MicroConversionFact> b)
    {
        base.Configure(b);
        References<MarketRow>(b, x => x.MarketId);
        References<ChannelRow>(b, x => x.ChannelId);
        References<CampaignRow>(b, x => x.CampaignId);
        References<DefinitionRow>(b, x => x.DefinitionId);
    }
}

internal sealed class SalesConfiguration() : ImportedRowConfiguration<SalesFact>("sales")
{
    protected override Expression<Func<SalesFact, object?>> NaturalKey => x => new { x.Date, x.MarketId, x.BrandId, x.Sku };

    public override void Configure(EntityTypeBuilder<SalesFact> b)
    {
        base.Configure(b);
        References<MarketRow>(b, x => x.MarketId);
        References<BrandRow>(b, x => x.BrandId);
    }
}

internal sealed class SpendConfiguration() : ImportedRowConfiguration<SpendFact>("spend")
{
    protected override Expression<Func<SpendFact, object?>> NaturalKey => x => new { x.Date, x.MarketId, x.ChannelId, x.CampaignId };

    public override void Configure(EntityTypeBuilder<SpendFact> b)
    {
        base.Configure(b);
        References<MarketRow>(b, x => x.MarketId);
        References<ChannelRow>(b, x => x.ChannelId);
        References<CampaignRow>(b, x => x.CampaignId);
    }
}

internal sealed class TrafficConfiguration() : ImportedRowConfiguration<TrafficFact>("traffic")
{
    protected override Expression<Func<TrafficFact, object?>> NaturalKey => x => new { x.Date, x.MarketId, x.ChannelId };

    public override void Configure(EntityTypeBuilder<TrafficFact> b)
    {
        base.Configure(b);
        References<MarketRow>(b, x => x.MarketId);
        References<ChannelRow>(b, x => x.ChannelId);
    }
}

internal sealed class JourneyConfiguration() : ImportedRowConfiguration<JourneyTouch>("journeys")
{
    protected override Expression<Func<JourneyTouch, object?>> NaturalKey =>
        x => new { x.JourneyId, x.MarketId, x.TimestampUtc, x.ChannelId, x.Event };

    public override void Configure(EntityTypeBuilder<JourneyTouch> b)
    {
        base.Configure(b);
        References<MarketRow>(b, x => x.MarketId);
        References<ChannelRow>(b, x => x.ChannelId);
    }
}

internal sealed class ContextConfiguration() : ImportedRowConfiguration<ContextFact>("context")
{
    protected override Expression<Func<ContextFact, object?>> NaturalKey => x => new { x.Date, x.MarketId, x.Type };

    public override void Configure(EntityTypeBuilder<ContextFact> b)
    {
        base.Configure(b);
        References<MarketRow>(b, x => x.MarketId);
    }
}

internal sealed class HoldoutTestConfiguration() : ImportedRowConfiguration<HoldoutTestMarket>("holdout_tests")
{
    protected override Expression<Func<HoldoutTestMarket, object?>> NaturalKey => x => new { x.Test, x.MarketId };

    public override void Configure(EntityTypeBuilder<HoldoutTestMarket> b)
    {
        base.Configure(b);
        References<MarketRow>(b, x => x.MarketId);
    }
}

internal sealed class SurveyResponseConfiguration() : ImportedRowConfiguration<SurveyResponse>("survey_responses")
{
    protected override Expression<Func<SurveyResponse, object?>> NaturalKey =>
        x => new { x.Date, x.MarketId, x.DefinitionId, x.RespondentId };

    public override void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        base.Configure(b);
        References<MarketRow>(b, x => x.MarketId);
        References<DefinitionRow>(b, x => x.DefinitionId);
        b.HasIndex(x => x.RespondentId).HasDatabaseName("ix_survey_responses_respondent_id");
    }
}

internal sealed class FxRateConfiguration() : ImportedRowConfiguration<FxRate>("fx_rates")
{
    protected override Expression<Func<FxRate, object?>> NaturalKey => x => new { x.Month, x.Currency };
}

internal sealed class CampaignFlightConfiguration() : ImportedRowConfiguration<CampaignFlight>("campaign_flights")
{
    protected override Expression<Func<CampaignFlight, object?>> NaturalKey => x => x.CampaignId;

    public override void Configure(EntityTypeBuilder<CampaignFlight> b)
    {
        base.Configure(b);
        References<CampaignRow>(b, x => x.CampaignId);
        References<ChannelRow>(b, x => x.ChannelId);
    }
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> b) => b.ToTable("imports");
}

internal sealed class ImportErrorRowConfiguration : IEntityTypeConfiguration<ImportErrorRow>
{
    public void Configure(EntityTypeBuilder<ImportErrorRow> b)
    {
        b.ToTable("import_errors");
        b.HasOne<ImportRecord>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ImportId, x.Line });
    }
}

internal sealed class DataChangeConfiguration : IEntityTypeConfiguration<DataChange>
{
    public void Configure(EntityTypeBuilder<DataChange> b)
    {
        b.ToTable("data_changes");
        b.HasIndex(x => new { x.Kind, x.Id });
    }
}

internal sealed class LiftCalibrationRowConfiguration : IEntityTypeConfiguration<LiftCalibrationRow>
{
    public void Configure(EntityTypeBuilder<LiftCalibrationRow> b)
    {
        b.ToTable("lift_calibrations");
        b.HasIndex(x => x.Test).IsUnique();
    }
}

internal sealed class SourceTemplateConfiguration : IEntityTypeConfiguration<SourceTemplate>
{
    public void Configure(EntityTypeBuilder<SourceTemplate> b)
    {
        b.ToTable("source_templates");
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class SnapshotImagePartConfiguration : IEntityTypeConfiguration<SnapshotImagePart>
{
    public void Configure(EntityTypeBuilder<SnapshotImagePart> b)
    {
        b.ToTable("snapshot_images");
        b.HasKey(x => new { x.DataVersion, x.Part });
    }
}
