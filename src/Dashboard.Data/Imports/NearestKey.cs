namespace Dashboard.Data.Imports;

/// <summary>Suggests the known key closest to a misspelt one (Levenshtein distance), for error messages.</summary>
public static class NearestKey
{
    public static string? Find(string value, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        var lower = value.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            var d = Distance(lower, candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        // A suggestion further away than half the word is noise, not help.
        return best is not null && bestDistance <= Math.Max(2, value.Length / 2) ? best : null;
    }

    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    public static string Hint(string value, IEnumerable<string> candidates) =>
        Find(value, candidates) is { } near ? $"; did you mean '{near}'?" : "";
}
