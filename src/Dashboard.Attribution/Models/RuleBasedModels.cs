using Dashboard.Attribution.Paths;

namespace Dashboard.Attribution.Models;

/// <summary>
/// First touch, last touch, linear, time decay and position-based: each converting path's shares sum to 1 and are
/// multiplied by one conversion and by the path's revenue. Non-converting paths get nothing.
/// </summary>
public static class RuleBasedModels
{
    public static Credit Run(PathSet paths, AttributionModel model, double halfLifeDays = 7)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (model == AttributionModel.TimeDecay && !(halfLifeDays > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(halfLifeDays), halfLifeDays, "the half-life must be a positive number of days");
        }

        var credit = Credit.Zero(paths.ChannelCount);
        var weights = new double[64];
        for (var p = 0; p < paths.Count; p++)
        {
            if (!paths.Converts[p])
            {
                continue;
            }

            var (from, n) = (paths.Start[p], paths.Length(p));
            if (n == 0)
            {
                continue;
            }

            if (weights.Length < n)
            {
                weights = new double[n * 2];
            }

            Shares(model, paths, from, n, halfLifeDays, weights);
            var revenue = paths.Revenue[p];
            for (var t = 0; t < n; t++)
            {
                var c = paths.Channel[from + t];
                credit.Conversions[c] += weights[t];
                credit.Revenue[c] += weights[t] * revenue;
            }
        }

        return credit;
    }

    /// <summary>The share of each of a path's n touches (they sum to 1).</summary>
    private static void Shares(AttributionModel model, PathSet paths, int from, int n, double halfLifeDays, double[] w)
    {
        Array.Clear(w, 0, n);
        switch (model)
        {
            case AttributionModel.FirstTouch:
                w[0] = 1;
                break;
            case AttributionModel.LastTouch:
                w[n - 1] = 1;
                break;
            case AttributionModel.Linear:
                Array.Fill(w, 1.0 / n, 0, n);
                break;
            case AttributionModel.TimeDecay:
                var sum = 0.0;
                for (var t = 0; t < n; t++)
                {
                    w[t] = Math.Pow(2, -(paths.SecondsBeforeEnd[from + t] / 86_400.0) / halfLifeDays);
                    sum += w[t];
                }

                for (var t = 0; t < n; t++)
                {
                    w[t] /= sum;
                }

                break;
            case AttributionModel.PositionBased:
                if (n == 1)
                {
                    w[0] = 1;
                }
                else if (n == 2)
                {
                    w[0] = w[1] = 0.5;
                }
                else
                {
                    w[0] = w[n - 1] = 0.4;
                    Array.Fill(w, 0.2 / (n - 2), 1, n - 2);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "not a rule-based model");
        }
    }
}
