using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Tests.Engine;

namespace Dashboard.Metrics.Tests.Snapshot;

public sealed class SnapshotColumnsFormatTests
{
    private static SnapshotColumns Columns()
    {
        var s = SmallSnapshot.Build();
        var journeys = new JourneyTableBuilder();
        journeys.Add("j2", 1, new DateTime(2025, 3, 2, 10, 0, 0, DateTimeKind.Utc), 0, JourneyTable.Purchase, 125_000, 0);
        journeys.Add("j1", 0, new DateTime(2025, 3, 1, 9, 30, 0, DateTimeKind.Utc), 2, 0, 0, JourneyTable.NoCurrency);
        journeys.Add("j2", 1, new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc), 1, JourneyTable.Visit, 0, JourneyTable.NoCurrency);
        return new SnapshotColumns(["", "aurora_zero"], ["EUR", "USD", "GBP"], s.MicroConversions, s.Sales, s.Spend, s.Traffic, journeys.Build());
    }

    private static byte[] Image(SnapshotColumns columns)
    {
        using var stream = new MemoryStream();
        SnapshotColumnsFormat.Write(stream, columns);
        return stream.ToArray();
    }

    [Fact]
    public void An_image_reads_back_to_the_same_columns_and_code_lists()
    {
        var original = Columns();

        var read = SnapshotColumnsFormat.Read(new MemoryStream(Image(original)));

        Assert.Equal(original.Skus, read.Skus);
        Assert.Equal(original.Currencies, read.Currencies);
        Assert.Equal(original.MicroConversions.Day, read.MicroConversions.Day);
        Assert.Equal(original.MicroConversions.Campaign, read.MicroConversions.Campaign);
        Assert.Equal(original.MicroConversions.Actions, read.MicroConversions.Actions);
        Assert.Equal(original.Sales.Revenue, read.Sales.Revenue);
        Assert.Equal(original.Sales.Currency, read.Sales.Currency);
        Assert.Equal(original.Spend.Spend, read.Spend.Spend);
        Assert.Equal(original.Traffic.NonPurchaseReported, read.Traffic.NonPurchaseReported);
        Assert.Equal(original.Traffic.Sessions, read.Traffic.Sessions);
        Assert.Equal([0, 2, 3], read.Journeys.Start);
        Assert.Equal(original.Journeys.Second, read.Journeys.Second);
        Assert.Equal(original.Journeys.Event, read.Journeys.Event);
        Assert.Equal(original.Journeys.Revenue, read.Journeys.Revenue);
        Assert.Equal(original.Journeys.Market, read.Journeys.Market);
    }

    [Fact]
    public void Journeys_are_grouped_by_id_and_market_with_touches_in_time_order()
    {
        var j = Columns().Journeys;

        Assert.Equal(2, j.Journeys);
        Assert.Equal(new byte[] { 1, 0 }, j.Market);
        Assert.Equal(new byte[] { JourneyTable.Visit, JourneyTable.Purchase, 0 }, j.Event);
        Assert.Equal(JourneyTable.SecondOf(new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc)), j.Second[0]);
        Assert.Equal(new DateOnly(2025, 3, 2).DayNumber, JourneyTable.DayOf(j.Second[1]));
    }

    [Fact]
    public void A_cut_short_image_is_refused()
    {
        var image = Image(Columns());

        var e = Assert.Throws<InvalidDataException>(() => SnapshotColumnsFormat.Read(new MemoryStream(image[..^9])));
        Assert.Contains("cut short", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_with_trailing_bytes_is_refused()
    {
        var image = Image(Columns());

        var e = Assert.Throws<InvalidDataException>(() => SnapshotColumnsFormat.Read(new MemoryStream([.. image, 0])));
        Assert.Contains("does not end", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_of_another_format_is_refused()
    {
        var image = Image(Columns());
        image[4] = 99; // the format version follows the 4-byte magic

        var e = Assert.Throws<InvalidDataException>(() => SnapshotColumnsFormat.Read(new MemoryStream(image)));
        Assert.Contains("format version", e.Message, StringComparison.Ordinal);
    }
}
