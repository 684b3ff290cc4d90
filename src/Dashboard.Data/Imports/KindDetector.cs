using Dashboard.Domain.Imports;

namespace Dashboard.Data.Imports;

/// <summary>How well a header fits one kind: the kind's columns it lacks and the header's columns the kind does not have.</summary>
public sealed record KindMatch(ImportKindSpec Kind, IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown, int Matched)
{
    public bool Fits => Missing.Count == 0 && Unknown.Count == 0;
}

/// <summary>Finds the import kind a header belongs to, so an upload need not say it.</summary>
public static class KindDetector
{
    public static IReadOnlyList<KindMatch> Rank(IReadOnlyList<string> header, ColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(mapping);
        var names = header.Select(mapping.Target).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return [.. ImportKinds.All
            .Select(kind => new KindMatch(
                kind,
                [.. kind.Columns.Where(c => c.Presence != Presence.Optional && !names.Contains(c.Name)).Select(c => c.Name)],
                [.. names.Where(n => kind.Column(n) is null)],
                names.Count(n => kind.Column(n) is not null)))
            .OrderByDescending(m => m.Fits)
            .ThenByDescending(m => m.Matched - m.Missing.Count - m.Unknown.Count)];
    }

    /// <summary>The one kind the header fits; with none (or two equally), null and the reason.</summary>
    public static (ImportKindSpec? Kind, string? Reason) Detect(IReadOnlyList<string> header, ColumnMapping mapping)
    {
        var ranked = Rank(header, mapping);
        var fitting = ranked.Where(m => m.Fits).ToList();
        if (fitting.Count >= 1 && (fitting.Count == 1 || fitting[0].Matched > fitting[1].Matched))
        {
            return (fitting[0].Kind, null);
        }

        if (fitting.Count > 1)
        {
            return (null, $"the header fits {string.Join(" and ", fitting.Select(m => m.Kind.Key))}: choose the kind");
        }

        var best = ranked[0];
        var parts = new List<string>();
        if (best.Missing.Count > 0)
        {
            parts.Add("missing " + string.Join(", ", best.Missing));
        }

        if (best.Unknown.Count > 0)
        {
            parts.Add("unknown " + string.Join(", ", best.Unknown));
        }

        return (null, $"the header fits no import kind; the closest is {best.Kind.Key} ({string.Join("; ", parts)}): choose the kind and map the columns");
    }
}
