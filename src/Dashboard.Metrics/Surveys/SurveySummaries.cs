using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Surveys;

/// <summary>Which survey answers to sum up: days and markets, within the asker's scope.</summary>
public sealed record SurveyQuery
{
    /// <summary>The days; null = every day.</summary>
    public DateRange? Range { get; init; }

    public required AccessScope Scope { get; init; }

    /// <summary>Market and region filters.</summary>
    public IReadOnlyDictionary<Dimension, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<Dimension, IReadOnlyList<string>>();

    /// <summary>How many of the most given reasons to list per micro-conversion.</summary>
    public int TopReasons { get; init; } = 3;
}

public sealed record ReasonCount(string Reason, int Responses);

/// <summary>The answers about one micro-conversion type: how many, the mean score (1–5), the reasons most given.</summary>
public sealed record SurveySummary(string Event, string Name, int Responses, double? MeanScore, IReadOnlyList<ReasonCount> TopReasons);

/// <summary>Survey answers summed up per micro-conversion type, within the asker's markets only.</summary>
public static class SurveySummaries
{
    public static IReadOnlyList<SurveySummary> Run(FactSnapshot snapshot, SurveyQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        var events = snapshot.Reference.Events;
        var allowed = ScopeMarkets.Resolve(snapshot.Reference, query.Scope, query.Filters);
        var (from, to) = query.Range is { } r ? (r.From.DayNumber, r.To.DayNumber) : (int.MinValue, int.MaxValue);
        var counts = new int[events.Count];
        var scores = new long[events.Count];
        var reasons = new Dictionary<int, int>[events.Count];
        foreach (var answer in snapshot.Surveys.Responses)
        {
            if (!allowed[answer.Market] || answer.Day < from || answer.Day > to)
            {
                continue;
            }

            counts[answer.Event]++;
            scores[answer.Event] += answer.Score;
            var byReason = reasons[answer.Event] ??= [];
            byReason[answer.Reason] = byReason.GetValueOrDefault(answer.Reason) + 1;
        }

        var texts = snapshot.Surveys.Reasons;
        return [.. events.Select((e, i) => new SurveySummary(e.Key, e.Name, counts[i], counts[i] == 0 ? null : scores[i] / (double)counts[i],
            reasons[i] is null ? [] : [.. reasons[i].OrderByDescending(p => p.Value).ThenBy(p => texts[p.Key], StringComparer.Ordinal)
                .Take(query.TopReasons).Select(p => new ReasonCount(texts[p.Key], p.Value))]))];
    }
}
