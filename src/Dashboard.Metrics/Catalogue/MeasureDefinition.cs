using Dashboard.Metrics.Query;

namespace Dashboard.Metrics.Catalogue;

/// <summary>How a value is shown and what kind of number it is.</summary>
public enum MeasureUnit
{
    /// <summary>A count of things (actions, sessions, orders).</summary>
    Count,

    /// <summary>Money in the reporting currency.</summary>
    Money,

    /// <summary>A share between 0 and 1, shown as a percentage; its change is also given in points.</summary>
    Rate,

    /// <summary>A ratio of two amounts (ROAS, ROI); its change is also given in points.</summary>
    Ratio,

    /// <summary>An index where 100 is the benchmark.</summary>
    Index,
}

/// <summary>
/// A catalogue entry: what pages, exports and the API read about a measure. The engine computes it;
/// nothing else restates its formula.
/// </summary>
public sealed record MeasureDefinition(
    string Key,
    string Name,
    MeasureUnit Unit,
    string Formula,
    IReadOnlySet<Dimension> Supports,
    bool HigherIsBetter,
    string Format,
    string? NotSupportedHint = null)
{
    /// <summary>Rates and ratios are compared in points as well as relatively.</summary>
    public bool HasPointChange => Unit is MeasureUnit.Rate or MeasureUnit.Ratio;

    public bool IsSupported(Dimension dimension) => Dimensions.Universal.Contains(dimension) || Supports.Contains(dimension);
}
