using Dashboard.Metrics.Time;
using Dashboard.Application.Charts;
using Dashboard.Application.Dashboards;

namespace Dashboard.Application.Packs;

/// <summary>A chart of a review pack: the figure, its image, what moved (2–4 sentences), and its measures' definitions.</summary>
public sealed record ReviewChart(string Page, ChartFigure Figure, byte[] Png, IReadOnlyList<string> Bullets, IReadOnlyList<(string Name, string Definition)> Definitions);

/// <summary>How fresh one kind of data is within the pack's markets: rows, the latest day, and the market furthest behind.</summary>
public sealed record SourceFreshness(string Kind, string Description, long Rows, DateOnly? Latest, DateOnly? Oldest, string? Behind);

/// <summary>
/// A business review pack, ready to be written as a deck or a report: the scope, the period and its comparison,
/// the KPI summary, the chosen charts with their images and narrative, and the data's sources and freshness.
/// </summary>
public sealed record ReviewPack(
    string Title,
    string Scope,
    DateRange Range,
    DateRange? ComparedWith,
    DateOnly? DataAsOf,
    string Currency,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<ReviewChart> Charts,
    IReadOnlyList<SourceFreshness> Sources,
    string PreparedBy,
    DateTimeOffset Prepared,
    Formatting.NumberFormat Format)
{
    /// <summary>All paid channels' incremental figures over the period (the Overview's media ROI card), or null with <see cref="MediaAbsent"/>.</summary>
    public Dashboards.IncrementalRow? Media { get; init; }

    public string? MediaAbsent { get; init; }

    /// <summary>The media's incremental ROI as a key-figure row: its value with its band, no comparison.</summary>
    public IReadOnlyList<string>? MediaRow => Media?.Roi is { } roi
        ? ["Media ROI (incremental)", $"{Format.Fixed(roi.Value, 2)} (90%: {Format.Fixed(roi.Low, 2)} – {Format.Fixed(roi.High, 2)})", "—", ""]
        : MediaAbsent is { } why ? ["Media ROI (incremental)", "—", why, ""] : null;

    public string Period => $"{Formatting.Formats.Date(Range.From)} – {Formatting.Formats.Date(Range.To)}";

    public string Comparison => ComparedWith is { } c ? $"compared with {Formatting.Formats.Date(c.From)} – {Formatting.Formats.Date(c.To)}" : "no comparison";
}
