using System.Globalization;
using System.Text;

namespace Dashboard.TestSupport;

/// <summary>Large standard files with distinct keys and counts that sum to a known total, written straight to disk.</summary>
public static class LargeFiles
{
    private static readonly string[] Events = ["coupon_download", "add_to_cart", "scan_to_win", "product_review"];

    /// <summary>
    /// <paramref name="rows"/> micro_conversions rows from <paramref name="firstDay"/>: the markets × 4 events per day, count
    /// = row index mod 97. Returns the sum of the counts (computed here, row by row, not by the importer).
    /// </summary>
    public static long MicroConversions(string path, int rows, DateOnly firstDay, IReadOnlyList<string> markets, string? lastLine = null)
    {
        ArgumentNullException.ThrowIfNull(markets);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("date,market,channel,campaign,event,source,count\n");
        var perDay = markets.Count * Events.Length;
        long total = 0;
        for (var i = 0; i < rows; i++)
        {
            var count = i % 97;
            total += count;
            writer.Write(firstDay.AddDays(i / perDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(markets[i % markets.Count]);
            writer.Write(",display,,");
            writer.Write(Events[i / markets.Count % Events.Length]);
            writer.Write(",,");
            writer.Write(count.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }

        if (lastLine is not null)
        {
            writer.Write(lastLine);
            writer.Write('\n');
        }

        return total;
    }
}
