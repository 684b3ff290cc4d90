using System.Globalization;

namespace Dashboard.DemoData.Truth;

/// <summary>A calendar month or quarter of the data, keyed as a director names it ("2026-03", "2026-Q1").</summary>
internal sealed record TruthPeriod(string Key, DateOnly From, DateOnly To)
{
    /// <summary>Every calendar month, then every calendar quarter, lying wholly inside [from, to].</summary>
    public static IReadOnlyList<TruthPeriod> Within(DateOnly from, DateOnly to)
    {
        var periods = new List<TruthPeriod>();
        foreach (var months in (int[])[1, 3])
        {
            var start = new DateOnly(from.Year, 1, 1);
            while (start <= to)
            {
                var end = start.AddMonths(months).AddDays(-1);
                if (start >= from && end <= to)
                {
                    var key = months == 1
                        ? start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
                        : string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}");
                    periods.Add(new TruthPeriod(key, start, end));
                }

                start = start.AddMonths(months);
            }
        }

        return periods;
    }
}
