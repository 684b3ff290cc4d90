using Dashboard.Attribution.Valuation;

namespace Dashboard.Application.Dashboards;

/// <summary>Types the data value only together, named for a reader.</summary>
public sealed record ValueGroupRow(string Names, double Value, double Low, double High, long Volume, double EngagementValue);

/// <summary>A type the valuation could not value, and why.</summary>
public sealed record NotValuedRow(string Name, string Reason);

/// <summary>
/// What a director reads before the values: whether the data show any value at all (the valuation's verdict), which
/// types are valued only as a group, and which could not be valued. Plain words, so the page, its files and a test
/// read the same rules.
/// </summary>
public sealed record ValueVerdict(bool NoEvidence, IReadOnlyList<ValueGroupRow> Groups, IReadOnlyList<NotValuedRow> NotValued)
{
    public string Headline => NoEvidence
        ? "No evidence in these data that any micro-conversion moves sales"
        : "The data show micro-conversions moving sales";

    public string Explanation => NoEvidence
        ? $"The values are jointly indistinguishable from 0 (joint test at the {Level} level) and so is their total. Read each value below as \"not shown\", not as \"worth nothing\": more data, or a holdout test, can settle it."
        : $"At least one value differs from 0 (joint test at the {Level} level), or their total does. Each interval says how sure the data are of that type's value.";

    private static string Level => ValuationModel.VerdictLevel.ToString("0%", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How a type was valued, in the words the page and its files share.</summary>
    public static string Valued(EventValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Value is null ? "not valued" : value.Identified ? "on its own" : "with its group";
    }

    public static ValueVerdict Of(ValuationResult valuation)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        var names = valuation.Events.ToDictionary(e => e.Event, e => e.Name, StringComparer.Ordinal);
        return new ValueVerdict(
            valuation.Verdict == Verdicts.NoEvidence,
            [.. valuation.Groups.Select(g => new ValueGroupRow(string.Join(" + ", g.Events.Select(e => names.GetValueOrDefault(e, e))), g.Value, g.Low, g.High, g.Volume, g.EngagementValue))],
            [.. valuation.Events.Where(e => e.Value is null).Select(e => new NotValuedRow(e.Name, e.AbsentReason ?? "not valued"))]);
    }
}
