using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Tests.Engine;

namespace Dashboard.Metrics.Tests.Snapshot;

public sealed class SnapshotColumnsFormatTests
{
    private static SnapshotColumns Columns()
    {
        var s = SmallSnapshot.Build();
        return new SnapshotColumns(["", "aurora_zero"], ["EUR", "USD", "GBP"], s.MicroConversions, s.Sales, s.Spend, s.Traffic);
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
