using System.Globalization;
using Dashboard.DemoData;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Configuration;

/// <summary>Demo data for a fresh database. Bound from the "Demo" section.</summary>
public sealed class DemoSeedOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed demo data at start when the database has never had an import.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>Last day of the demo data, YYYY-MM-DD; empty = yesterday at first start.</summary>
    public string? EndDate { get; set; }

    public DemoSize Size { get; set; } = DemoSize.Small;

    public DateOnly ResolveEndDate(TimeProvider time) =>
        string.IsNullOrWhiteSpace(EndDate)
            ? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1)
            : DateOnly.ParseExact(EndDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed class DemoSeedOptionsValidator : IValidateOptions<DemoSeedOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoSeedOptions options) =>
        string.IsNullOrWhiteSpace(options.EndDate)
        || DateOnly.TryParseExact(options.EndDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Demo:EndDate '{options.EndDate}' is not a date in the form YYYY-MM-DD.");
}
