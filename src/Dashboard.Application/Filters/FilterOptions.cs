using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Application.Filters;

/// <param name="Group">For a market, its region's key.</param>
public sealed record FilterOption(string Key, string Label, string? Group = null);

/// <summary>
/// What the filter bar offers a user: only the regions and markets they may see (a US-only user is never offered
/// Canada, not even its name), every channel and brand.
/// </summary>
public sealed record FilterOptions(IReadOnlyList<FilterOption> Regions, IReadOnlyList<FilterOption> Markets, IReadOnlyList<FilterOption> Channels, IReadOnlyList<FilterOption> Brands)
{
    public static FilterOptions For(ReferenceSet reference, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(scope);
        var markets = reference.Markets.Where(m => scope.Allows(m.Code)).ToList();
        var regions = markets.Select(m => m.Region).Distinct().Order().Select(r => reference.Regions[r]).ToList();
        return new FilterOptions(
            [.. regions.Select(r => new FilterOption(r.Key, r.Name))],
            [.. markets.OrderBy(m => m.Region).ThenBy(m => m.Name, StringComparer.Ordinal).Select(m => new FilterOption(m.Code, $"{m.Name} ({m.Code})", reference.Regions[m.Region].Key))],
            [.. reference.Channels.Select(c => new FilterOption(c.Key, c.Name))],
            [.. reference.Brands.Select(b => new FilterOption(b.Key, b.Key))]);
    }

    /// <summary>The view with any key the user was not offered removed (a hand-edited link naming another market, say).</summary>
    public DashboardView Restrict(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        static IReadOnlyList<string> Keep(IReadOnlyList<string> keys, IReadOnlyList<FilterOption> options) =>
            [.. keys.Where(k => options.Any(o => string.Equals(o.Key, k, StringComparison.Ordinal)))];
        return view with
        {
            Regions = Keep(view.Regions, Regions), Markets = Keep(view.Markets, Markets),
            Channels = Keep(view.Channels, Channels), Brands = Keep(view.Brands, Brands),
        };
    }

    /// <summary>With regions chosen, only their markets are offered (the region → market step).</summary>
    public IEnumerable<FilterOption> MarketsOf(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Regions.Count == 0 ? Markets : Markets.Where(m => m.Group is not null && view.Regions.Contains(m.Group));
    }

    /// <summary>Choosing regions drops chosen markets outside them: both filters apply, and such a market would show nothing.</summary>
    public DashboardView WithRegions(DashboardView view, IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(regions);
        var chosen = regions.ToList();
        var markets = chosen.Count == 0 ? view.Markets
            : [.. view.Markets.Where(k => Markets.Any(m => m.Key == k && m.Group is not null && chosen.Contains(m.Group)))];
        return view with { Regions = chosen, Markets = markets };
    }

    /// <summary>A period picked: a preset drops custom dates; "custom" starts from the dates on screen.</summary>
    public static DashboardView WithPeriod(DashboardView view, string period, Metrics.Time.DateRange shown)
    {
        ArgumentNullException.ThrowIfNull(view);
        return period == PeriodChoices.Custom
            ? view with { Period = period, From = shown.From, To = shown.To }
            : view with { Period = period, From = null, To = null };
    }

    /// <summary>The label of a region or market key (the key itself when it is not offered).</summary>
    public static string Label(IReadOnlyList<FilterOption> options, string key)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.FirstOrDefault(o => o.Key == key)?.Label ?? key;
    }
}
