using Dashboard.Application.Packs;
using Dashboard.Exports.Rendering;

namespace Dashboard.Web.Exports;

/// <summary>
/// Starts headless Chromium in the background when the app starts (Rendering:WarmUpAtStart, default on), so the first
/// business review pack does not wait about four seconds for it. A missing Chromium is logged with what to do; the app
/// runs on, and only server-drawn exports fail.
/// </summary>
public sealed class RendererWarmUp(ChartRenderer renderer, RenderingOptions options, ILogger<RendererWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WarmUpAtStart)
        {
            return;
        }

        try
        {
            await renderer.WarmUpAsync(stoppingToken);
        }
        catch (RenderingUnavailableException e)
        {
            log.LogWarning("{Message}", e.Message);
        }
    }
}
