using Dashboard.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Configuration;

/// <summary>Identity's tables under plain names (users, roles, …) rather than AspNet*.</summary>
internal static class IdentityNames
{
    public static void Apply(ModelBuilder b)
    {
        b.Entity<DashboardUser>(u =>
        {
            u.ToTable("users");
            u.Property(x => x.ReportingCurrency).HasMaxLength(3);
            u.Property(x => x.NumberFormat).HasMaxLength(16);
        });
        b.Entity<IdentityRole>().ToTable("roles");
        b.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        b.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        b.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        b.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        b.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        b.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}

internal sealed class UserScopeGrantConfiguration : IEntityTypeConfiguration<UserScopeGrant>
{
    public void Configure(EntityTypeBuilder<UserScopeGrant> b)
    {
        b.ToTable("user_scope_grants");
        b.HasIndex(x => new { x.UserId, x.Kind, x.Key }).IsUnique();
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.HasIndex(x => x.Utc);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.HasIndex(x => x.Prefix).IsUnique();
    }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.ToTable("saved_views");
        b.Property(x => x.Name).HasMaxLength(80);
        b.Property(x => x.Page).HasMaxLength(80);
        b.Property(x => x.Query).HasMaxLength(2000);
        b.HasIndex(x => new { x.UserId, x.Page, x.Name }).IsUnique();
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedScenarioConfiguration : IEntityTypeConfiguration<SavedScenario>
{
    public void Configure(EntityTypeBuilder<SavedScenario> b)
    {
        b.ToTable("saved_scenarios");
        b.Property(x => x.Name).HasMaxLength(80);
        b.Property(x => x.AuthorEmail).HasMaxLength(256);
        b.Property(x => x.Scope).HasMaxLength(2000);
        b.Property(x => x.Period).HasMaxLength(40);
        b.Property(x => x.SpendUsd).HasMaxLength(2000);
        b.HasIndex(x => new { x.Scope, x.Name }).IsUnique();
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PackScheduleConfiguration : IEntityTypeConfiguration<PackSchedule>
{
    public void Configure(EntityTypeBuilder<PackSchedule> b)
    {
        b.ToTable("pack_schedules");
        b.HasIndex(x => x.NextRunUtc);
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
