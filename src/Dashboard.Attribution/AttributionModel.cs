namespace Dashboard.Attribution;

/// <summary>How a conversion's credit is shared among the channels of its path (METRICS.md "Attribution").</summary>
public enum AttributionModel
{
    FirstTouch,
    LastTouch,
    Linear,
    TimeDecay,
    PositionBased,
    Markov,
    Shapley,
}

public static class AttributionModels
{
    /// <summary>Every model, in the order a comparison lists them.</summary>
    public static IReadOnlyList<AttributionModel> All { get; } = Enum.GetValues<AttributionModel>();

    /// <summary>The model pages and measures use unless the user picks another.</summary>
    public const AttributionModel Default = AttributionModel.Markov;

    public static string Key(this AttributionModel model) => model switch
    {
        AttributionModel.FirstTouch => "first_touch",
        AttributionModel.LastTouch => "last_touch",
        AttributionModel.Linear => "linear",
        AttributionModel.TimeDecay => "time_decay",
        AttributionModel.PositionBased => "position_based",
        AttributionModel.Markov => "markov",
        AttributionModel.Shapley => "shapley",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
    };

    public static string Name(this AttributionModel model) => model switch
    {
        AttributionModel.FirstTouch => "First touch",
        AttributionModel.LastTouch => "Last touch",
        AttributionModel.Linear => "Linear",
        AttributionModel.TimeDecay => "Time decay",
        AttributionModel.PositionBased => "Position-based (40/20/40)",
        AttributionModel.Markov => "Markov chain",
        AttributionModel.Shapley => "Shapley value",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
    };

    public static bool TryParse(string? key, out AttributionModel model)
    {
        foreach (var m in All)
        {
            if (string.Equals(m.Key(), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                model = m;
                return true;
            }
        }

        model = Default;
        return false;
    }
}
