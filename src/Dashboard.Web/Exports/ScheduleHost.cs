using Dashboard.Exports.Delivery;

namespace Dashboard.Web.Exports;

/// <summary>Looks for scheduled packs that are due once a minute (Delivery:CheckSeconds) and runs them in the background.</summary>
public sealed class ScheduleHost(PackScheduleRunner runner, DeliveryOptions options, TimeProvider time, ILogger<ScheduleHost> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.CheckSeconds);
        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var ran = await runner.RunDueAsync(stoppingToken);
                if (ran > 0)
                {
                    log.LogInformation("Ran {Count} scheduled pack(s)", ran);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be busy or gone for a moment: try again on the next tick rather than stop scheduling.
                log.LogError(e, "Scheduled packs could not be checked");
            }
        }
    }
}
