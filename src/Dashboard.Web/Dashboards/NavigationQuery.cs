using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Dashboards;

/// <summary>Pages keep their state in the query string: this puts a new one on the current page's path.</summary>
public static class NavigationQuery
{
    /// <param name="query">Without '?'; empty leaves a bare path.</param>
    /// <param name="replace">Replace the history entry (a slider's every step) rather than add one (a pick).</param>
    public static void NavigateToQuery(this NavigationManager nav, string query, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(nav);
        ArgumentNullException.ThrowIfNull(query);
        nav.NavigateTo(nav.ToAbsoluteUri(nav.Uri).GetLeftPart(UriPartial.Path) + (query.Length > 0 ? "?" + query : ""), replace: replace);
    }
}
