using Microsoft.AspNetCore.Identity;

namespace Dashboard.Data.Entities;

/// <summary>A person who signs in (ASP.NET Core Identity, stored in the product's database).</summary>
public sealed class DashboardUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The currency the user reads money in (ISO 4217); null for the product's default.</summary>
    public string? ReportingCurrency { get; set; }

    /// <summary>The number format the user reads figures in (a key of NumberFormats); null for the default.</summary>
    public string? NumberFormat { get; set; }
}

/// <summary>
/// A market or a whole region a regional user or viewer may see. A region grant covers the region's markets as they
/// are when a question is asked, so a market added to the region later is covered too.
/// </summary>
public sealed class UserScopeGrant
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>"market" (a market code) or "region" (a region key).</summary>
    public string Kind { get; set; } = "";
    public string Key { get; set; } = "";
}
