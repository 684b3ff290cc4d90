namespace Dashboard.Metrics.Snapshot;

/// <summary>One survey answer (DATA.md `survey_responses`) without its respondent: the day, market, micro-conversion, score 1–5 and reason.</summary>
public readonly record struct SurveyResponse(int Day, int Market, int Event, int Score, int Reason);

/// <summary>
/// Why consumers say they took an action, beside the numbers for the same action and market (PRODUCT.md §7). Small,
/// so it is read whole with each snapshot; the respondent id stays in the database (it is only needed to erase).
/// </summary>
public sealed class SurveyFacts
{
    public static SurveyFacts Empty { get; } = new([], []);

    public SurveyFacts(IReadOnlyList<SurveyResponse> responses, IReadOnlyList<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(reasons);
        Responses = responses;
        Reasons = reasons;
    }

    public IReadOnlyList<SurveyResponse> Responses { get; }

    /// <summary>The distinct reason texts; <see cref="SurveyResponse.Reason"/> indexes this list.</summary>
    public IReadOnlyList<string> Reasons { get; }
}
