using Dashboard.Data.Configuration;
using Dashboard.Data.Entities;
using Dashboard.Domain.Money;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Dashboard.Data;

/// <summary>
/// The product's database. Provider-neutral: the same model runs on SQLite (default) and PostgreSQL;
/// table and column names are snake_case so hand-written bulk SQL reads the same on both.
/// </summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options)
    : IdentityDbContext<DashboardUser>(options), IDataProtectionKeyContext
{
    public DbSet<RegionRow> Regions => Set<RegionRow>();
    public DbSet<MarketRow> Markets => Set<MarketRow>();
    public DbSet<ChannelRow> Channels => Set<ChannelRow>();
    public DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();
    public DbSet<AliasRow> Aliases => Set<AliasRow>();
    public DbSet<HolidayRow> Holidays => Set<HolidayRow>();
    public DbSet<BrandRow> Brands => Set<BrandRow>();
    public DbSet<CampaignRow> Campaigns => Set<CampaignRow>();
    public DbSet<CampaignFlight> CampaignFlights => Set<CampaignFlight>();
    public DbSet<MicroConversionFact> MicroConversions => Set<MicroConversionFact>();
    public DbSet<SalesFact> Sales => Set<SalesFact>();
    public DbSet<SpendFact> Spend => Set<SpendFact>();
    public DbSet<TrafficFact> Traffic => Set<TrafficFact>();
    public DbSet<JourneyTouch> Journeys => Set<JourneyTouch>();
    public DbSet<ContextFact> Context => Set<ContextFact>();
    public DbSet<HoldoutTestMarket> HoldoutTests => Set<HoldoutTestMarket>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<FxRate> FxRates => Set<FxRate>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<ImportErrorRow> ImportErrors => Set<ImportErrorRow>();
    public DbSet<SourceTemplate> SourceTemplates => Set<SourceTemplate>();
    public DbSet<DataChange> DataChanges => Set<DataChange>();
    public DbSet<SavedScenario> SavedScenarios => Set<SavedScenario>();
    public DbSet<SnapshotImagePart> SnapshotImages => Set<SnapshotImagePart>();
    public DbSet<UserScopeGrant> ScopeGrants => Set<UserScopeGrant>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<PackSchedule> PackSchedules => Set<PackSchedule>();
    public DbSet<LiftCalibrationRow> LiftCalibrations => Set<LiftCalibrationRow>();

    /// <summary>Data Protection keys: shared by every instance on this database, so sign-ins survive restarts and load balancing.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Amount>().HaveConversion<AmountConverter>();
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        IdentityNames.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
        ForeignKeyIndexes.Apply(builder);
        SnakeCaseNames.Apply(builder);
    }
}
