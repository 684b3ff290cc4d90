using System.Globalization;
using System.Security;
using System.Text;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Formatting;
using Dashboard.Application.Packs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Dashboard.Exports.Packs;

/// <summary>
/// A review pack as a PowerPoint deck (16:9): a title slide, the KPI summary as a native table, a slide per chart (its
/// image, its talking points, the measures' definitions in the speaker notes) and an appendix of sources and freshness.
/// Each slide has a title placeholder, so the deck's outline and screen readers name every slide.
/// </summary>
public static class DeckWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private const long Width = 12192000;
    private const long Height = 6858000;
    private const long Margin = 457200;
    private const string Ink = "1F2937";
    private const string Muted = "4B5563";
    private const string Accent = "1B5E20";

    public static byte[] ToBytes(ReviewPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            document.PackageProperties.Title = $"{pack.Title}: {pack.Scope}";
            document.PackageProperties.Creator = pack.PreparedBy;
            document.PackageProperties.Created = pack.Prepared.UtcDateTime;
            var presentation = document.AddPresentationPart();
            var master = presentation.AddNewPart<SlideMasterPart>("rId1");
            var theme = master.AddNewPart<ThemePart>("rId2");
            Feed(theme, Parts.Theme);
            var layout = master.AddNewPart<SlideLayoutPart>("rId1");
            Feed(layout, Parts.Layout);
            layout.AddPart(master);
            Feed(master, Parts.Master);
            var notesMaster = presentation.AddNewPart<NotesMasterPart>("rId2");
            notesMaster.AddPart(theme);
            Feed(notesMaster, Parts.NotesMaster);

            var slides = new List<string>();
            void Add(string xml, string? notes = null, IReadOnlyList<byte[]>? images = null)
            {
                var id = $"rId{10 + slides.Count}";
                var part = presentation.AddNewPart<SlidePart>(id);
                part.AddPart(layout);
                for (var i = 0; i < (images?.Count ?? 0); i++)
                {
                    var image = part.AddImagePart(ImagePartType.Png, $"rIdImage{i + 1}");
                    using var png = new MemoryStream(images![i]);
                    image.FeedData(png);
                }

                Feed(part, xml);
                if (notes is not null)
                {
                    var notesPart = part.AddNewPart<NotesSlidePart>();
                    notesPart.AddPart(notesMaster);
                    notesPart.AddPart(part);
                    Feed(notesPart, Notes(notes));
                }

                slides.Add(id);
            }

            Add(TitleSlide(pack));
            Add(KpiSlide(pack), "Values over the review period; change against the comparison period. Rates and ratios also change in points.");
            foreach (var chart in pack.Charts)
            {
                Add(ChartSlide(pack, chart), string.Join("\n", chart.Definitions.Select(d => $"{d.Name}: {d.Definition}")), [chart.Png]);
            }

            Add(AppendixSlide(pack));
            Feed(presentation, Presentation(slides));
        }

        return stream.ToArray();
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }

    private static string Presentation(IReadOnlyList<string> slides) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <p:presentation {Ns} saveSubsetFonts="1">
          <p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>
          <p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>
          <p:sldIdLst>{string.Concat(slides.Select((id, i) => $"""<p:sldId id="{256 + i}" r:id="{id}"/>"""))}</p:sldIdLst>
          <p:sldSz cx="{Width}" cy="{Height}"/>
          <p:notesSz cx="6858000" cy="9144000"/>
        </p:presentation>
        """;

    private static string TitleSlide(ReviewPack pack)
    {
        var lines = new[]
        {
            (pack.Scope, 2000, Ink, false),
            ($"{pack.Period}, {pack.Comparison}", 1800, Ink, false),
            ($"Figures in {pack.Currency} · data as of {Formats.Date(pack.DataAsOf)}", 1400, Muted, false),
            ($"Prepared by {pack.PreparedBy} on {pack.Prepared.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC", 1400, Muted, false),
        };
        return Slide(
            Title(2, pack.Title, Margin, 2000000, Width - (2 * Margin), 1100000, 3600) +
            TextBox(3, "Scope and period", Margin, 3200000, Width - (2 * Margin), 2400000, lines.Select(l => Paragraph(l.Item1, l.Item2, l.Item3, l.Item4, bullet: false))));
    }

    private static string KpiSlide(ReviewPack pack)
    {
        var header = new[] { "Measure", "Value", "Comparison", "Change" };
        var rows = pack.Kpis.Select(k => new[]
        {
            k.Measure.Name,
            MeasureText.Value(k.Measure, k.Value, pack.Format, pack.Currency),
            MeasureText.Value(k.Measure, k.Comparison, pack.Format, pack.Currency),
            MeasureText.Change(k.Measure, k.Change, k.ChangePoints, pack.Format),
        }).ToList();
        if (pack.MediaRow is { } media)
        {
            rows.Add([.. media]);
        }

        var widths = new long[] { 4200000, 2400000, 2400000, 2274000 };
        return Slide(
            Title(2, "Key figures", Margin, 300000, Width - (2 * Margin), 700000, 2800) +
            TextBox(3, "Period", Margin, 950000, Width - (2 * Margin), 400000, [Paragraph($"{pack.Period}, {pack.Comparison} · {pack.Scope}", 1400, Muted, false, bullet: false)]) +
            Table(4, "Key figures table", Margin, 1500000, widths, header, rows));
    }

    private static string ChartSlide(ReviewPack pack, ReviewChart chart)
    {
        var (pixelsWide, pixelsHigh) = PngSize(chart.Png);
        var boxWidth = 7900000L;
        var boxHeight = Height - 1250000 - Margin;
        var scale = Math.Min((double)boxWidth / pixelsWide, (double)boxHeight / pixelsHigh);
        var (cx, cy) = ((long)(pixelsWide * scale), (long)(pixelsHigh * scale));
        var notesLeft = Margin + boxWidth + 250000;
        return Slide(
            Title(2, chart.Figure.Title, Margin, 250000, Width - (2 * Margin), 700000, 2400) +
            TextBox(3, "Page", Margin, 880000, Width - (2 * Margin), 320000, [Paragraph($"{chart.Page} · {pack.Period}, {pack.Comparison}", 1200, Muted, false, bullet: false)]) +
            Picture(4, chart.Figure.Title, Margin, 1250000, cx, cy) +
            TextBox(5, "Talking points", notesLeft, 1250000, Width - notesLeft - Margin, boxHeight,
                [Paragraph("What moved", 1600, Accent, true, bullet: false), .. chart.Bullets.Select(b => Paragraph(b, 1400, Ink, false, bullet: true))]));
    }

    private static string AppendixSlide(ReviewPack pack)
    {
        var header = new[] { "Data", "Rows", "Latest day", "Furthest behind" };
        var rows = pack.Sources.Select(s => new[]
        {
            s.Description, pack.Format.Whole(s.Rows), Formats.Date(s.Latest),
            s.Behind is null ? "—" : $"{s.Behind} ({Formats.Date(s.Oldest)})",
        }).ToList();
        var widths = new long[] { 4674000, 2000000, 2000000, 2600000 };
        return Slide(
            Title(2, "Appendix: data sources and freshness", Margin, 300000, Width - (2 * Margin), 700000, 2800) +
            TextBox(3, "About the figures", Margin, 950000, Width - (2 * Margin), 500000,
                [Paragraph($"Figures come from the dashboard's metrics engine for {pack.Scope}; data as of {Formats.Date(pack.DataAsOf)}. Definitions of each chart's measures are in its slide notes.", 1200, Muted, false, bullet: false)]) +
            Table(4, "Sources table", Margin, 1550000, widths, header, rows, 1100));
    }

    private static string Slide(string shapes) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <p:sld {Ns}><p:cSld><p:spTree>{GroupProperties}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>
        """;

    private static string Notes(string text) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <p:notes {Ns}><p:cSld><p:spTree>{GroupProperties}
          <p:sp><p:nvSpPr><p:cNvPr id="2" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>
            <p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{string.Concat(text.Split('\n').Select(l => $"<a:p><a:r><a:rPr lang=\"en-GB\" dirty=\"0\"/><a:t>{X(l)}</a:t></a:r></a:p>"))}</p:txBody></p:sp>
        </p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>
        """;

    private const string GroupProperties = """<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>""";

    private static string Title(int id, string text, long x, long y, long cx, long cy, int size) => $"""
        <p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>
          <p:spPr>{Frame(x, y, cx, cy)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>
          <p:txBody><a:bodyPr wrap="square" anchor="b"><a:normAutofit/></a:bodyPr><a:lstStyle/>{Paragraph(text, size, Accent, true, bullet: false)}</p:txBody></p:sp>
        """;

    private static string TextBox(int id, string name, long x, long y, long cx, long cy, IEnumerable<string> paragraphs) => $"""
        <p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{X(name)}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>
          <p:spPr>{Frame(x, y, cx, cy)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>
          <p:txBody><a:bodyPr wrap="square" anchor="t"><a:normAutofit/></a:bodyPr><a:lstStyle/>{string.Concat(paragraphs)}</p:txBody></p:sp>
        """;

    private static string Paragraph(string text, int size, string color, bool bold, bool bullet)
    {
        var properties = bullet
            ? """<a:pPr marL="285750" indent="-285750"><a:spcBef><a:spcPts val="600"/></a:spcBef><a:buFont typeface="Arial"/><a:buChar char="•"/></a:pPr>"""
            : """<a:pPr><a:spcBef><a:spcPts val="300"/></a:spcBef><a:buNone/></a:pPr>""";
        return $"""<a:p>{properties}<a:r><a:rPr lang="en-GB" sz="{size}" b="{(bold ? 1 : 0)}" dirty="0"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill></a:rPr><a:t>{X(text)}</a:t></a:r></a:p>""";
    }

    private static string Picture(int id, string description, long x, long y, long cx, long cy) => $"""
        <p:pic><p:nvPicPr><p:cNvPr id="{id}" name="Chart" descr="{X(description)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>
          <p:blipFill><a:blip r:embed="rIdImage1"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>
          <p:spPr>{Frame(x, y, cx, cy)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>
        """;

    /// <summary>A native table (editable in PowerPoint): a header row on the accent colour, then banded rows; numbers right-aligned.</summary>
    private static string Table(int id, string name, long x, long y, IReadOnlyList<long> widths, IReadOnlyList<string> header, List<string[]> rows, int size = 1400)
    {
        const long rowHeight = 420000;
        string Cell(string text, bool head, bool band, int column)
        {
            var fill = head ? Accent : band ? "EEF2EE" : "FFFFFF";
            var color = head ? "FFFFFF" : Ink;
            var align = column == 0 ? "l" : "r";
            return $"""
                <a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="{align}"/><a:r><a:rPr lang="en-GB" sz="{size}" b="{(head ? 1 : 0)}" dirty="0"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill></a:rPr><a:t>{X(text)}</a:t></a:r></a:p></a:txBody>
                <a:tcPr anchor="ctr"><a:lnB w="6350"><a:solidFill><a:srgbClr val="C8D0C8"/></a:solidFill></a:lnB><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></a:tcPr></a:tc>
                """;
        }

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<a:tr h=\"{rowHeight}\">").Append(string.Concat(header.Select((h, i) => Cell(h, true, false, i)))).Append("</a:tr>");
        for (var r = 0; r < rows.Count; r++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<a:tr h=\"{rowHeight}\">").Append(string.Concat(rows[r].Select((v, i) => Cell(v, false, r % 2 == 1, i)))).Append("</a:tr>");
        }

        return $"""
            <p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="{X(name)}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>
              <p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{widths.Sum()}" cy="{rowHeight * (rows.Count + 1)}"/></p:xfrm>
              <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/>
                <a:tblGrid>{string.Concat(widths.Select(w => $"<a:gridCol w=\"{w}\"/>"))}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>
            """;
    }

    private static string Frame(long x, long y, long cx, long cy) => $"""<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>""";

    private static string X(string text) => SecurityElement.Escape(text) ?? "";

    /// <summary>Width and height from the PNG's header (IHDR), to place the image without distorting it.</summary>
    private static (int Width, int Height) PngSize(byte[] png) =>
        png.Length >= 24 ? (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))) : (16, 9);

    private const string Ns = """xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" """;

    /// <summary>The fixed parts: one master with one layout, a notes master, and a plain theme (Office's structure, the product's colours).</summary>
    private static class Parts
    {
        public const string Master = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <p:sldMaster {Ns}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{GroupProperties}</p:spTree></p:cSld>
              <p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>
              <p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>
              <p:txStyles><p:titleStyle><a:lvl1pPr><a:defRPr sz="2800"><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></p:titleStyle>
                <p:bodyStyle><a:lvl1pPr><a:defRPr sz="1600"><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:bodyStyle>
                <p:otherStyle><a:lvl1pPr><a:defRPr sz="1400"><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles>
            </p:sldMaster>
            """;

        public const string Layout = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <p:sldLayout {Ns} type="titleOnly" preserve="1"><p:cSld name="Title only"><p:spTree>{GroupProperties}
              <p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>
                <p:spPr><a:xfrm><a:off x="457200" y="250000"/><a:ext cx="11277600" cy="700000"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody></p:sp>
            </p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>
            """;

        public const string NotesMaster = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <p:notesMaster {Ns}><p:cSld><p:spTree>{GroupProperties}
              <p:sp><p:nvSpPr><p:cNvPr id="2" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>
                <p:spPr><a:xfrm><a:off x="685800" y="4343400"/><a:ext cx="5486400" cy="4114800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>
                <p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody></p:sp>
            </p:spTree></p:cSld>
              <p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>
            </p:notesMaster>
            """;

        public const string Theme = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Dashboard"><a:themeElements>
              <a:clrScheme name="Dashboard"><a:dk1><a:srgbClr val="1F2937"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1B5E20"/></a:dk2><a:lt2><a:srgbClr val="EEF2EE"/></a:lt2>
                <a:accent1><a:srgbClr val="0072B2"/></a:accent1><a:accent2><a:srgbClr val="E69F00"/></a:accent2><a:accent3><a:srgbClr val="009E73"/></a:accent3>
                <a:accent4><a:srgbClr val="CC79A7"/></a:accent4><a:accent5><a:srgbClr val="56B4E9"/></a:accent5><a:accent6><a:srgbClr val="D55E00"/></a:accent6>
                <a:hlink><a:srgbClr val="0072B2"/></a:hlink><a:folHlink><a:srgbClr val="6A1B9A"/></a:folHlink></a:clrScheme>
              <a:fontScheme name="Dashboard"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
                <a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>
              <a:fmtScheme name="Dashboard">
                <a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>
                <a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>
                <a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>
                <a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>
              </a:fmtScheme></a:themeElements></a:theme>
            """;
    }
}
