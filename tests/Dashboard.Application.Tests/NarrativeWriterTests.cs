using Dashboard.Metrics.Narrative;
using Dashboard.Metrics.Query;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Formatting;

namespace Dashboard.Application.Tests;

/// <summary>The overview's sentences, written out by hand from made-up movements.</summary>
public sealed class NarrativeWriterTests
{
    [Fact]
    public void Movements_become_sentences_with_the_scope_first_then_the_groups()
    {
        Movement[] movements =
        [
            new("micro_conversions", null, null, 11_639_845, 11_582_000, 0.005, null, 1),
            new("revenue", null, null, 87_711_751, 84_260_000, 0.041, null, 1),
            new("micro_conversion_rate", Dimension.Market, "DE", 0.1440, 0.1424, 0.011, 0.0016, 1),
            new("micro_conversions", Dimension.Channel, "in_store", 1_803_024, 1_490_000, 0.21, null, 0.15),
            new("micro_conversions", Dimension.Event, "shelf_scan", 954_794, 1_160_000, -0.177, null, 0.08),
            new("revenue", Dimension.Market, "FR", 1, 1, 0.5, null, 0.1),
        ];
        string Label(Dimension d, string key) => (d, key) switch
        {
            (Dimension.Market, "DE") => "Germany",
            (Dimension.Channel, "in_store") => "In-store",
            (Dimension.Event, "shelf_scan") => "Shelf scan",
            _ => key,
        };

        var lines = NarrativeWriter.Write(movements, Label, "the previous period", NumberFormat.Find("de")!, "EUR");

        Assert.Equal(
        [
            "Micro-conversions rose 0,5% vs the previous period, to 11.639.845.",
            "Revenue rose 4,1% vs the previous period, to 87.711.751 EUR.",
            "Micro-conversion rate in Germany rose 0,2 points, to 14,40%.",
            "Micro-conversions in In-store rose 21%, to 1.803.024.",
            "Micro-conversions in Shelf scan fell 18%, to 954.794.",
        ], lines);
    }
}
