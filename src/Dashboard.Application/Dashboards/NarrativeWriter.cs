using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Narrative;
using Dashboard.Metrics.Query;
using Dashboard.Application.Formatting;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// Plain sentences from the engine's movements: what moved, by how much, where. The numbers come from the
/// movements; this class only words them ("rose 25%", "fell 3.1 points").
/// </summary>
public static class NarrativeWriter
{
    /// <param name="label">A group's display name (market, channel or type name) from its key.</param>
    /// <param name="comparison">"the previous period" or "the same period last year".</param>
    /// <param name="currency">The reporting currency, written after money.</param>
    public static IReadOnlyList<string> Write(IReadOnlyList<Movement> movements, Func<Dimension, string, string> label, string comparison,
        NumberFormat format, string currency, int sentences = 5)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(label);
        var lines = new List<string>();
        foreach (var m in movements.Where(m => m.Dimension is null))
        {
            lines.Add($"{Capitalise(Name(m.Measure))} {Verb(m, format)} vs {comparison}, to {Amount(m.Measure, m.Value, format, currency)}.");
        }

        foreach (var m in movements.Where(m => m.Dimension is not null))
        {
            lines.Add($"{Capitalise(Name(m.Measure))} in {label(m.Dimension!.Value, m.Key!)} {Verb(m, format)}, to {Amount(m.Measure, m.Value, format, currency)}.");
        }

        return [.. lines.Take(sentences)];
    }

    /// <summary>The measure's name in a sentence: lower case, except acronyms (ROAS, ROI).</summary>
    private static string Name(string measure) => MeasureCatalogue.Find(measure)?.Name is { } name
        ? name.Split(' ')[0].All(c => !char.IsLetter(c) || char.IsUpper(c)) ? name : name.ToLowerInvariant()
        : measure;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Verb(Movement m, NumberFormat format)
    {
        var definition = MeasureCatalogue.Find(m.Measure);
        if (definition?.HasPointChange == true && m.ChangePoints is { } points)
        {
            var scaled = definition.Unit == MeasureUnit.Rate ? points * 100 : points;

            // Below the one decimal shown, "rose 0.0 points" would be noise.
            return Math.Abs(scaled) < 0.05 ? "held steady" : $"{(scaled >= 0 ? "rose" : "fell")} {format.Fixed(Math.Abs(scaled), 1)} points";
        }

        var change = m.Change;
        // Whole percents from 10% up; below, one decimal, so a small move never reads "rose 0%".
        var percent = Math.Abs(change) * 100;
        return change == 0 ? "held steady"
            : $"{(change > 0 ? "rose" : "fell")} {(percent >= 10 ? format.Whole(percent) : format.Fixed(percent, 1))}%";
    }

    private static string Amount(string measure, double value, NumberFormat format, string currency) =>
        MeasureCatalogue.Find(measure) is { } definition ? MeasureText.Value(definition, value, format, currency) : format.Whole(value);
}
