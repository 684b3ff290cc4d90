using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Query;

/// <summary>A figure, or its absence with the reason (never 0 or NaN in its place).</summary>
public readonly record struct MeasureValue(double? Value, string? AbsentReason)
{
    public static MeasureValue Of(double value) =>
        double.IsFinite(value) ? new(value, null) : throw new ArgumentOutOfRangeException(nameof(value), value, "a measure value must be finite");

    public static MeasureValue Absent(string reason) => new(null, reason);

    public bool IsAbsent => Value is null;
}

/// <summary>One group's values; comparison and change are present only when the query asked for a comparison.</summary>
public sealed record AnswerRow(
    IReadOnlyDictionary<Dimension, string> Group,
    IReadOnlyDictionary<string, MeasureValue> Values,
    IReadOnlyDictionary<string, MeasureValue>? Comparison,
    IReadOnlyDictionary<string, MeasureValue>? Change,
    IReadOnlyDictionary<string, MeasureValue>? ChangePoints);

public sealed record MetricsAnswer(
    string Currency,
    DateRange Range,
    DateRange? ComparisonRange,
    IReadOnlyList<Dimension> By,
    IReadOnlyList<AnswerRow> Rows,
    AnswerRow Totals,
    IReadOnlyList<string> Notes);
