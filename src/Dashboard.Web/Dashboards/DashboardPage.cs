using Dashboard.Application.Analysis;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Filters;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Dashboard.Web.Dashboards;

/// <summary>
/// The plumbing every dashboard shares: the view is read from the URL (so links and back/forward work), narrowed to
/// what the user was offered, and a filter change navigates to the new URL, which recomputes the page.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    [Inject] protected IAnalysisSource Store { get; set; } = default!;

    [Inject] protected IViewer Viewer { get; set; } = default!;

    [Inject] protected NavigationManager Nav { get; set; } = default!;

    [Inject] protected TimeProvider Time { get; set; } = default!;

    protected DashboardView View { get; private set; } = DashboardView.Default;

    protected FilterOptions? Options { get; private set; }

    protected Dashboard.Application.Formatting.NumberFormat Format { get; private set; } = Dashboard.Application.Formatting.NumberFormat.Default;


    /// <summary>What the page was last computed from (null before the first computation).</summary>
    protected DashboardContext? Context { get; private set; }

    /// <summary>The lines written on an exported chart, so a pasted chart is never ambiguous: whose data, the period, the data's date.</summary>
    protected IReadOnlyList<string> ChartCaption(Metrics.Time.DateRange? range, DateOnly? dataAsOf) =>
        Context is null ? [] : Application.Charts.ChartScope.Caption(Context, range, dataAsOf);

    protected override async Task OnInitializedAsync()
    {
        Nav.LocationChanged += OnLocationChanged;
        await RefreshAsync(redraw: false);
    }

    /// <summary>Recomputes the page's model for <paramref name="context"/>; with <paramref name="redraw"/>, charts already on screen are redrawn.</summary>
    protected abstract Task ComputeAsync(DashboardContext context, bool redraw);

    /// <summary>Puts a new view in the URL (a history entry), which recomputes the page.</summary>
    protected Task NavigateAsync(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        Nav.NavigateToQuery(view.ToQuery());
        return Task.CompletedTask;
    }

    private async Task RefreshAsync(bool redraw)
    {
        var (options, context) = await DashboardContexts.OpenAsync(Store, Viewer, Nav.ToAbsoluteUri(Nav.Uri).Query, Time);
        (Options, View, Context, Format) = (options, context.View, context, context.Preferences.Format);
        await ComputeAsync(context, redraw);
    }

    private async void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // An async void event handler: a failure must not take the circuit down silently, so it is rendered as an error.
        await InvokeAsync(async () =>
        {
            await RefreshAsync(redraw: true);
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        Nav.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }
}
