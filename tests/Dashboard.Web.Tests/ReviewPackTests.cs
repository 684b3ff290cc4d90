using System.Globalization;
using System.Net;
using Dashboard.Web.TestHost;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Dashboard.Web.Tests;

/// <summary>
/// Business review packs, read back: the deck with the OpenXml SDK (slides, titles, a PNG per chart slide, talking
/// points, definitions in the notes, the KPI table against SQLite's own sums) and the report with PdfPig.
/// </summary>
public sealed class ReviewPackTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly string[] ChartTitles =
    [
        "Micro-conversions and revenue by day", "All micro-conversions and revenue by day", "Do actions lead sales? Correlation at each lag (days)",
        "Micro-conversion rate, index vs global (100 = the world)", "Micro-conversions per session, index vs global, by market and type",
        "Tracking coverage: share of markets reporting each definition, by month", "Attributed ROAS by channel", "Which channel drives which micro-conversion",
        "From sessions to purchase", "Journeys moving up in intent and into purchase", "Micro-conversions by intent group and category",
    ];

    [Fact]
    public async Task The_deck_has_a_slide_per_chart_with_its_image_talking_points_and_definitions_and_key_figures_that_equal_sqlite()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var director = await app.SignedInClientAsync("director@demo.local");
        using var response = await director.GetAsync("exports/review.pptx?review=last_full_month", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.presentationml.presentation", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        using var document = PresentationDocument.Open(new MemoryStream(bytes), false);
        var presentation = document.PresentationPart!;
        var slides = presentation.Presentation.SlideIdList!.Elements<P.SlideId>().Select(id => (SlidePart)presentation.GetPartById(id.RelationshipId!)).ToList();
        Assert.Equal(ChartTitles.Length + 3, slides.Count);
        Assert.Equal(["Business review, last full month", "Key figures", .. ChartTitles, "Appendix: data sources and freshness"], slides.Select(Title));

        // The seeded data ends on 2026-06-30: the last full month is June, compared with the 30 days before it.
        var cover = Texts(slides[0]);
        Assert.Contains("2026-06-01 – 2026-06-30, compared with 2026-05-02 – 2026-05-31", cover);
        Assert.Contains("Markets: all · all brands", cover);

        foreach (var slide in slides.Skip(2).Take(ChartTitles.Length))
        {
            var image = Assert.Single(slide.ImageParts);
            Assert.Equal("image/png", image.ContentType);
            using var png = image.GetStream();
            var head = new byte[8];
            png.ReadExactly(head);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
            Assert.True(png.Length > 20_000, $"{Title(slide)}: {png.Length} bytes");
            Assert.Single(slide.Slide.Descendants<P.Picture>());

            var bullets = slide.Slide.Descendants<A.Paragraph>().Where(p => p.Descendants<A.CharacterBullet>().Any()).ToList();
            Assert.InRange(bullets.Count, 2, 4);
            var notes = string.Join("\n", slide.NotesSlidePart!.NotesSlide.Descendants<A.Text>().Select(t => t.Text));
            Assert.Matches(@"^[A-Z][^:\n]+: .+", notes);
        }

        Assert.Contains("Micro-conversions: ", string.Join("\n", slides[2].NotesSlidePart!.NotesSlide.Descendants<A.Text>().Select(t => t.Text)), StringComparison.Ordinal);

        // The key figures: micro-conversions over June and over the comparison period, as SQLite sums them.
        var table = slides[1].Slide.Descendants<A.Table>().Single();
        var rows = table.Elements<A.TableRow>().Select(r => r.Elements<A.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["Measure", "Value", "Comparison", "Change"], rows[0]);
        Assert.Equal(7, rows.Count);

        // What media added, from the media model the pages use: incremental, with its band, beside the engine's figures.
        Assert.Contains("90%:", rows.Single(r => r[0] == "Media ROI (incremental)")[1], StringComparison.Ordinal);
        var actions = rows.Single(r => r[0] == "Micro-conversions");
        Assert.Equal(await SumAsync(app, "2026-06-01", "2026-06-30"), double.Parse(actions[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(await SumAsync(app, "2026-05-02", "2026-05-31"), double.Parse(actions[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

        Assert.Equal(1, await app.Database.CountAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND actor = 'director@demo.local' AND target = 'business-review-2026-06-01-2026-06-30.pptx'"));
    }

    [Fact]
    public async Task The_pdf_report_has_a_cover_the_key_figures_a_page_per_chart_and_the_appendix()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var director = await app.SignedInClientAsync("director@demo.local");
        using var response = await director.GetAsync("exports/review.pdf?review=last_full_quarter&market=DE,FR&charts=overview/overview-trend,channels/channel-measure", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(5, pdf.NumberOfPages);
        string Page(int n) => string.Join(" ", pdf.GetPage(n).GetWords().Select(w => w.Text));
        Assert.Contains("Business review, last full quarter", Page(1), StringComparison.Ordinal);
        Assert.Contains("Markets: DE, FR", Page(1), StringComparison.Ordinal);
        Assert.Contains("2026-04-01 – 2026-06-30", Page(1), StringComparison.Ordinal);
        Assert.Contains("Key figures", Page(2), StringComparison.Ordinal);
        Assert.Contains("Micro-conversions and revenue by day", Page(3), StringComparison.Ordinal);
        Assert.Contains("What moved", Page(3), StringComparison.Ordinal);
        Assert.Contains("Attributed ROAS by channel", Page(4), StringComparison.Ordinal);
        Assert.Contains("Appendix: data sources and freshness", Page(5), StringComparison.Ordinal);
        Assert.Single(pdf.GetPage(3).GetImages());
    }

    [Fact]
    public async Task Without_chromium_a_pack_fails_with_a_message_that_says_what_to_do_and_data_downloads_still_work()
    {
        await using var app = await AppFactory.StartSeededAsync(new Dictionary<string, string?> { ["Rendering:ChromiumPath"] = "/nonexistent/chromium" });
        using var director = await app.SignedInClientAsync("director@demo.local");
        using var refused = await director.GetAsync("exports/review.pptx?charts=trends/trend", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var message = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Chromium was not found at /nonexistent/chromium", message, StringComparison.Ordinal);
        Assert.Contains("Rendering:ChromiumPath", message, StringComparison.Ordinal);

        using var data = await director.GetAsync("exports/charts/trends/trend.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        using var unknown = await director.GetAsync("exports/review.pptx?charts=trends/nothing", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private static string Title(SlidePart slide) =>
        slide.Slide.Descendants<P.Shape>().First(s => s.Descendants<P.PlaceholderShape>().Any(p => p.Type?.Value == P.PlaceholderValues.Title)).InnerText;

    private static List<string> Texts(SlidePart slide) => [.. slide.Slide.Descendants<A.Paragraph>().Select(p => p.InnerText)];

    private static async Task<double> SumAsync(AppFactory app, string from, string to) =>
        await app.Database.CountAsync($"SELECT SUM(count) FROM micro_conversions WHERE superseded_by IS NULL AND date BETWEEN '{from}' AND '{to}'");
}
