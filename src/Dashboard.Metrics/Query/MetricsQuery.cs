using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Query;

/// <summary>One question to the engine: which measures, over which days, for which scope, grouped how.</summary>
public sealed record MetricsQuery
{
    public required DateRange Range { get; init; }

    /// <summary>Measure keys of the catalogue.</summary>
    public required IReadOnlyList<string> Measures { get; init; }

    public IReadOnlyList<Dimension> By { get; init; } = [];

    /// <summary>Per dimension, the keys to keep (market codes, channel keys, `2025-Q1`, ...). Empty = no filter.</summary>
    public IReadOnlyDictionary<Dimension, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<Dimension, IReadOnlyList<string>>();

    public Comparison Compare { get; init; } = Comparison.None;

    /// <summary>With <see cref="Comparison.SamePeriodLastYear"/>: shift back 364 days so weekdays line up.</summary>
    public bool MatchWeekday { get; init; }

    /// <summary>ISO 4217 code of the reporting currency.</summary>
    public string Currency { get; init; } = "USD";

    public required AccessScope Scope { get; init; }

    /// <summary>The attribution model behind attributed revenue, ROAS and ROI (a key such as "markov").</summary>
    public string AttributionModel { get; init; } = "markov";
}
