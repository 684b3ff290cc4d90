using System.Globalization;
using Dashboard.Application.Filters;
using Dashboard.Data;
using Dashboard.Data.Quality;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Admin;

/// <summary>The Rows page: the current rows of one kind behind a finding, filtered as its link says.</summary>
/// <param name="Error">Why no rows are shown (an unknown kind, a filter the kind has no column for).</param>
public sealed record RowsPageModel(string Kind, IReadOnlyDictionary<string, string> Filters, RowPage? Page, string? Error);

/// <summary>Reads the Rows page from its link (`?kind=spend&amp;campaign=…&amp;date=2026-03-04`).</summary>
public sealed class RowsService(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<RowsPageModel> LoadAsync(string? query, CancellationToken ct = default)
    {
        var shown = QueryValues.Parse(query);
        var kind = shown.Remove("kind", out var k) ? k : "";
        if (!RowBrowser.Supports(kind))
        {
            return new RowsPageModel(kind, shown, null, $"'{kind}' has no row view.");
        }

        // "date" is one day, both ends of the row filter's range; the other keys are columns.
        var filters = new Dictionary<string, string>(shown, StringComparer.Ordinal);
        DateOnly? day = filters.Remove("date", out var date) && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return new RowsPageModel(kind, shown, await RowBrowser.ReadAsync(db, new RowFilter(kind, filters, day, day), ct), null);
        }
        catch (ArgumentException e)
        {
            return new RowsPageModel(kind, shown, null, e.Message);
        }
    }
}
