using Dashboard.Application.Charts;
using Dashboard.Application.Packs;
using Microsoft.Playwright;

namespace Dashboard.Exports.Rendering;

/// <summary>
/// Draws charts that are on nobody's screen (decks, reports, schedules) from the same Plotly figures the pages draw,
/// in headless Chromium, with the same image-export module the browser uses (light theme, caption on the image); and
/// prints HTML reports to PDF. Chromium starts on first use and stays up; one page at a time uses it.
/// </summary>
public sealed class ChartRenderer(RenderingOptions options) : IAsyncDisposable
{
    /// <summary>An address that never reaches a network: every request to it is answered from the files beside the binaries.</summary>
    private const string Origin = "http://render.local/";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    /// <summary>The folder holding plotly.js, the export module and the map topology.</summary>
    public static string AssetFolder => Path.Combine(AppContext.BaseDirectory, "render");

    /// <summary>Starts Chromium and loads plotly.js, so the first pack does not wait for them (the app calls this at start).</summary>
    public async Task WarmUpAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await PageAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>PNG images of <paramref name="figures"/>, in order, each <paramref name="width"/> CSS pixels wide at 2× (for slides).</summary>
    /// <param name="captions">Lines written on each image (its scope); the title is left to the slide or page.</param>
    public async Task<IReadOnlyList<byte[]>> RenderPngAsync(IReadOnlyList<ChartFigure> figures, IReadOnlyList<string> captions, int width = 1100,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(captions);
        await _gate.WaitAsync(ct);
        try
        {
            var page = await PageAsync();
            var images = new List<byte[]>(figures.Count);
            foreach (var figure in figures)
            {
                ct.ThrowIfCancellationRequested();
                var json = PlotlyFigures.ToJson(figure.Data, figure.Layout);
                var height = Math.Max(figure.Height, 360) * width / 900;
                var url = await page.EvaluateAsync<string>(
                    "([figure, width, height, lines]) => window.imageOf(JSON.parse(figure), 'png', width, height, 2, '', lines)",
                    new object[] { json, width, height, captions });
                images.Add(Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..]));
                progress?.Report(images.Count);
            }

            return images;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An HTML document printed to A4 landscape PDF by Chromium, backgrounds included.</summary>
    public async Task<byte[]> PrintPdfAsync(string html, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        await _gate.WaitAsync(ct);
        try
        {
            var browser = await BrowserAsync();
            var page = await browser.NewPageAsync();
            try
            {
                await page.SetContentAsync(html);
                return await page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4", Landscape = true, PrintBackground = true, PreferCSSPageSize = true,
                    Margin = new Margin { Top = "12mm", Bottom = "12mm", Left = "12mm", Right = "12mm" },
                });
            }
            finally
            {
                await page.CloseAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IPage> PageAsync()
    {
        if (_page is { IsClosed: false })
        {
            return _page;
        }

        var browser = await BrowserAsync();
        var page = await browser.NewPageAsync();
        await page.RouteAsync(Origin + "**", route => ServeAsync(route));
        await page.GotoAsync(Origin + "index.html");
        await page.WaitForFunctionAsync("() => window.imageOf !== undefined && window.Plotly !== undefined");
        await page.EvaluateAsync("url => window.Plotly.setPlotConfig({ topojsonURL: url })", Origin + "topojson/");
        _page = page;
        return page;
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true })
        {
            return _browser;
        }

        var path = options.ChromiumPath;
        if (!File.Exists(path))
        {
            throw new RenderingUnavailableException(
                $"Chromium was not found at {path}, so decks, reports and scheduled packs cannot draw their charts. "
                + $"Install Debian's chromium package (the run script does) or set {RenderingOptions.SectionName}:ChromiumPath. "
                + "Chart downloads from the pages still work: they are drawn in your browser.");
        }

        try
        {
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Arguments });
            return _browser;
        }
        catch (PlaywrightException e)
        {
            throw new RenderingUnavailableException($"Chromium at {path} would not start: {e.Message.Split('\n')[0]}", e);
        }
    }

    private static Task ServeAsync(IRoute route)
    {
        var name = new Uri(route.Request.Url).AbsolutePath.TrimStart('/');
        if (name == "index.html")
        {
            return route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = IndexHtml });
        }

        var path = Path.GetFullPath(Path.Combine(AssetFolder, name));
        if (!path.StartsWith(AssetFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
        }

        var type = Path.GetExtension(path) switch { ".js" => "text/javascript", ".json" => "application/json", _ => "application/octet-stream" };
        return route.FulfillAsync(new RouteFulfillOptions { ContentType = type, BodyBytes = File.ReadAllBytes(path) });
    }

    private const string IndexHtml = """
        <!doctype html><html><head><meta charset="utf-8"><script src="plotly.min.js"></script>
        <script type="module">import { imageOf } from './chart-export.js'; window.imageOf = imageOf;</script></head><body></body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}
