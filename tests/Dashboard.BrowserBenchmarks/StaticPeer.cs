using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.BrowserBenchmarks;

/// <summary>
/// The peer: the same Plotly figures (data, layout, size and the app's map topology) drawn by plotly.js from a static
/// page with no server round trip, no Blazor and no engine (the map's topology comes from the peer's server, see
/// <see cref="PeerServer"/>). Its first load and its Plotly.react of the same filter
/// change are the floor the app's figures are divided by.
/// </summary>
internal sealed class StaticPeer(string plotlyUrl, string figuresBefore, string figuresAfter)
{
    private const string CaptureJs = """
        ids => ids.map(id => {
          const gd = document.getElementById(id);
          const box = gd.getBoundingClientRect();
          return { data: gd.data, layout: gd.layout, width: Math.round(box.width), height: Math.round(box.height),
                   config: { responsive: true, displaylogo: false, topojsonURL: 'topojson/' } };
        })
        """;

    /// <summary>The figures now on <paramref name="page"/>'s charts, as JSON.</summary>
    public static async Task<string> CaptureAsync(IPage page, IReadOnlyList<string> ids) =>
        (await page.EvaluateAsync<JsonElement>(CaptureJs, ids)).GetRawText();

    /// <summary>The address the app's page loaded plotly.js from (the same file, so the same cache entry).</summary>
    public static async Task<string> PlotlyUrlAsync(IPage page) =>
        await page.EvaluateAsync<string?>("() => performance.getEntriesByType('resource').map(r => r.name).find(n => /plotly-[0-9.]+\\.min\\.js/.test(n))")
        ?? throw new InvalidOperationException($"{page.Url} did not load plotly.js");

    /// <summary>Publishes the static page on <paramref name="server"/> and returns its address.</summary>
    public string Publish(PeerServer server, string name) => server.Publish(name, Html());

    /// <summary>Loads the static page and returns the time from navigation start to every chart drawn.</summary>
    public static async Task<double> LoadAsync(IBrowserContext context, string address, bool keepOpen, Func<IPage, Task<double>>? then = null)
    {
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(address);
        var handle = await tab.WaitForFunctionAsync("() => window.__peerDrawn ?? false", null, new() { PollingInterval = 20, Timeout = 60_000 });
        var drawn = await handle.JsonValueAsync<double>();
        if (then is not null)
        {
            await then(tab);
        }

        if (!keepOpen)
        {
            await tab.CloseAsync();
        }

        return drawn;
    }

    /// <summary>Plotly.react of every chart to the other figure set, alternately; returns the time of each to the next frame.</summary>
    public static async Task<List<double>> ReactAsync(IPage tab, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            times.Add(await tab.EvaluateAsync<double>("""
                set => new Promise(resolve => {
                  const figures = set === 0 ? window.__after : window.__before;
                  const start = performance.now();
                  Promise.all(figures.map((f, i) => Plotly.react('c' + i, f.data, f.layout, f.config)))
                    .then(() => requestAnimationFrame(() => resolve(performance.now() - start)));
                })
                """, i % 2));
        }

        return times;
    }

    private string Html()
    {
        var before = JsonSerializer.Deserialize<JsonElement>(figuresBefore);
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>peer</title></head><body style=\"margin:0\">");
        var i = 0;
        foreach (var figure in before.EnumerateArray())
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<div id=\"c{i++}\" style=\"width:{figure.GetProperty("width").GetInt32()}px;height:{figure.GetProperty("height").GetInt32()}px\"></div>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<script src=\"{plotlyUrl}\"></script><script>")
            .Append("window.__before = ").Append(Inline(figuresBefore)).Append(";window.__after = ").Append(Inline(figuresAfter)).Append(';')
            .Append("Promise.all(window.__before.map((f, i) => Plotly.newPlot('c' + i, f.data, f.layout, f.config)))")
            .Append(".then(() => requestAnimationFrame(() => { window.__peerDrawn = performance.now(); }));</script></body></html>");
        return html.ToString();
    }

    // JSON inside a script element: "</" would end it early.
    private static string Inline(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);
}
