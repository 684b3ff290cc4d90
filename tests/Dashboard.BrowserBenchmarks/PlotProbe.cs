using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.BrowserBenchmarks;

/// <summary>The browser side of the measurement: when charts were drawn, read from the probe injected before page scripts.</summary>
internal static class PlotProbe
{
    public static string Script { get; } = ReadScript();

    // True once every chart has a draw that started at or after `since`, no skeleton is left, and no chart has drawn
    // for `quiet` ms (a page that draws a chart twice is timed to its last draw); then returns that last draw's end.
    private const string SettledJs = """
        ({ ids, since, quiet }) => {
          const drawn = window.__plotRecords.filter(r => r.start >= since);
          if (!ids.every(id => drawn.some(r => r.id === id))) return false;
          if (document.querySelector('.mud-skeleton')) return false;
          const last = Math.max(...drawn.map(r => r.end));
          return performance.now() - last >= quiet ? last : false;
        }
        """;

    /// <summary>
    /// Waits until every chart in <paramref name="ids"/> has been drawn by a call that started at or after
    /// <paramref name="sinceMs"/> (browser time) and the page is quiet; returns the end of the last draw.
    /// </summary>
    public static async Task<double> WaitForChartsAsync(IPage page, IReadOnlyList<string> ids, double sinceMs, int quietMs = 300)
    {
        try
        {
            var handle = await page.WaitForFunctionAsync(SettledJs, new { ids, since = sinceMs, quiet = quietMs },
                new() { PollingInterval = 20, Timeout = 60_000 });
            return await handle.JsonValueAsync<double>();
        }
        catch (TimeoutException)
        {
            var records = await page.EvaluateAsync<JsonElement>("() => window.__plotRecords");
            throw new InvalidOperationException(
                $"{page.Url}: not every chart of [{string.Join(", ", ids)}] was drawn after {sinceMs:0} ms within 60 s; draws: {records}");
        }
    }

    /// <summary>Clicks <paramref name="target"/> from inside the page and returns the browser time just before the click.</summary>
    public static Task<double> ClickAtAsync(ILocator target) =>
        target.EvaluateAsync<double>("el => { const t = performance.now(); el.click(); return t; }");

    /// <summary>Where a load's time went: navigation milestones, the big scripts' fetches, the circuit, each chart's draws.</summary>
    public static async Task<string> TraceAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("""
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const round = x => Math.round(x);
              return {
                htmlResponseEnd: round(nav.responseEnd), domContentLoaded: round(nav.domContentLoadedEventEnd), load: round(nav.loadEventEnd),
                circuitRendered: round(window.__interactiveAt ?? -1), plotlyDefined: round(window.__plotlyDefinedAt ?? -1),
                scripts: performance.getEntriesByType('resource').filter(r => /\.js/.test(r.name))
                  .map(r => `${r.name.split('/').pop().split('?')[0]} ${round(r.startTime)}-${round(r.responseEnd)} (${r.transferSize} B)`),
                draws: window.__plotRecords.map(r => `${r.id} ${r.name} ${round(r.start)}-${round(r.end)}`),
              };
            }
            """)).ToString();

    private static string ReadScript()
    {
        using var stream = typeof(PlotProbe).Assembly.GetManifestResourceStream("plot-probe.js")
            ?? throw new InvalidOperationException("plot-probe.js is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
