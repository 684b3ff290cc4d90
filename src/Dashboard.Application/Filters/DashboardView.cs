using System.Globalization;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Filters;

/// <summary>
/// Everything that makes a dashboard view: period, comparison, markets (by region or one by one), channels, brands,
/// the chosen measure and attribution model. It round-trips through the URL's query string, so a copied link opens
/// the same view and back/forward step through views. It only narrows: the server intersects it with the user's
/// markets.
/// </summary>
public sealed record DashboardView
{
    /// <summary>A <see cref="PeriodChoices"/> key: the latest 4 weeks of data (""), an engine preset, or "custom".</summary>
    public string Period { get; init; } = PeriodChoices.Latest;

    /// <summary>With a custom period: the first and last day.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public Comparison Compare { get; init; } = Comparison.PreviousPeriod;

    public IReadOnlyList<string> Regions { get; init; } = [];

    public IReadOnlyList<string> Markets { get; init; } = [];

    public IReadOnlyList<string> Channels { get; init; } = [];

    public IReadOnlyList<string> Brands { get; init; } = [];

    /// <summary>A measure key of the catalogue; null = the page's default.</summary>
    public string? Measure { get; init; }

    /// <summary>An attribution model key; null = the default (Markov).</summary>
    public string? Model { get; init; }

    /// <summary>The time grain of trend charts ("day", "week", "month"); null = the page's default.</summary>
    public string? Grain { get; init; }

    /// <summary>What a trend follows: "event:KEY" or "category:KEY"; null = all micro-conversions.</summary>
    public string? Focus { get; init; }

    public static DashboardView Default { get; } = new();

    /// <summary>From a query string ("?period=last-month&amp;market=DE,FR"); unknown or malformed values fall back to the defaults.</summary>
    public static DashboardView Parse(string? query)
    {
        var q = QueryValues.Parse(query);
        string? One(string key) => q.GetValueOrDefault(key);
        IReadOnlyList<string> List(string key) => One(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList() ?? [];
        static DateOnly? Date(string? text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        var period = One("period") is { } p && PeriodChoices.All.Any(c => c.Key == p) ? p : PeriodChoices.Latest;
        var (from, to) = (Date(One("from")), Date(One("to")));
        if (period == PeriodChoices.Custom && (from is null || to is null || from > to))
        {
            (period, from, to) = (PeriodChoices.Latest, null, null);
        }

        var custom = period == PeriodChoices.Custom;
        return new DashboardView
        {
            Period = period,
            From = custom ? from : null,
            To = custom ? to : null,
            Compare = Comparisons.TryParse(One("compare"), out var c) ? c : Comparison.PreviousPeriod,
            Regions = List("region"),
            Markets = List("market"),
            Channels = List("channel"),
            Brands = List("brand"),
            Measure = One("measure"),
            Model = One("model"),
            Grain = One("grain") is { } g && g is "day" or "week" or "month" ? g : null,
            Focus = One("focus"),
        };
    }

    /// <summary>The query string (without "?"), listing only what differs from the defaults, in a fixed order.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("period", Period);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("compare", Compare == Comparison.PreviousPeriod ? null : Compare.Key());
        Add("region", string.Join(',', Regions));
        Add("market", string.Join(',', Markets));
        Add("channel", string.Join(',', Channels));
        Add("brand", string.Join(',', Brands));
        Add("measure", Measure);
        Add("model", Model);
        Add("grain", Grain);
        Add("focus", Focus);
        return string.Join('&', parts);
    }

    /// <summary>The days of the view: presets count from today (METRICS.md "Time rules"), the default ends on the last date with data.</summary>
    public DateRange Range(TimeProvider time, DateOnly lastDay) =>
        Period == PeriodChoices.Custom && From is { } f && To is { } t ? new DateRange(f, t)
        : DatePresets.TryParse(Period, out var preset) ? DatePresets.Range(preset, time, lastDay)
        : DatePresets.DefaultRange(lastDay);

    /// <summary>The engine's filters: regions and markets narrow markets (a market in a chosen region counts once), channels, brands.</summary>
    public IReadOnlyDictionary<Dimension, IReadOnlyList<string>> Filters()
    {
        var filters = new Dictionary<Dimension, IReadOnlyList<string>>();
        if (Regions.Count > 0)
        {
            filters[Dimension.Region] = Regions;
        }

        if (Markets.Count > 0)
        {
            filters[Dimension.Market] = Markets;
        }

        if (Channels.Count > 0)
        {
            filters[Dimension.Channel] = Channels;
        }

        if (Brands.Count > 0)
        {
            filters[Dimension.Brand] = Brands;
        }

        return filters;
    }
}
