using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Valuation;

/// <summary>A type, or types valued together: their value per action at their mix of actions.</summary>
internal sealed record ValueUnit(IReadOnlyList<int> Members, double Value, double StandardError);

/// <summary>
/// Types whose estimates trade off against each other (driven by the same media, so the data see their sum, not the
/// split) are merged, most negatively correlated pair first, until no pair correlates below the threshold.
/// </summary>
internal static class ValueGroups
{
    public static List<ValueUnit> Merge(Vector<double> values, Matrix<double> covariance, double[] volume, double threshold)
    {
        var members = Enumerable.Range(0, values.Count).Select(t => new List<int> { t }).ToList();
        while (members.Count > 1)
        {
            var mix = Mix(members, volume, values.Count);
            var c = mix * covariance.TransposeAndMultiply(mix);
            var (worst, a, b) = (threshold, -1, -1);
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var denominator = Math.Sqrt(c[i, i] * c[j, j]);
                    var correlation = denominator > 0 ? c[i, j] / denominator : 0;
                    if (correlation < worst)
                    {
                        (worst, a, b) = (correlation, i, j);
                    }
                }
            }

            if (a < 0)
            {
                break;
            }

            members[a].AddRange(members[b]);
            members[a].Sort();
            members.RemoveAt(b);
        }

        var weights = Mix(members, volume, values.Count);
        var unitValues = weights * values;
        var unitCovariance = weights * covariance.TransposeAndMultiply(weights);
        return [.. members.Select((m, u) => new ValueUnit(m, unitValues[u], Math.Sqrt(Math.Max(0, unitCovariance[u, u]))))];
    }

    /// <summary>[unit, type]: the type's share of the unit's actions (equal shares when the unit has none).</summary>
    private static Matrix<double> Mix(List<List<int>> members, double[] volume, int types)
    {
        var mix = Matrix<double>.Build.Dense(members.Count, types);
        for (var u = 0; u < members.Count; u++)
        {
            var total = members[u].Sum(t => volume[t]);
            foreach (var t in members[u])
            {
                mix[u, t] = total > 0 ? volume[t] / total : 1.0 / members[u].Count;
            }
        }

        return mix;
    }
}
