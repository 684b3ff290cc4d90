using Dashboard.Application.Charts;
using Dashboard.Application.Packs;
using Dashboard.Exports.Packs;

namespace Dashboard.Web.Exports;

/// <summary>
/// Business review packs over HTTP: built for the view in the query string (review period, comparison, chosen charts)
/// within the caller's markets, or fetched once after the page built one with its progress bar.
/// </summary>
public static class ReviewPackEndpoints
{
    public static IEndpointRouteBuilder MapReviewPackEndpoints(this IEndpointRouteBuilder app)
    {
        // /exports/review.pptx?review=last_full_quarter&compare=same_period_last_year&charts=channels/channel-measure,trends/trend&market=DE
        app.MapGet("/exports/review.{format}", async (HttpContext http, string format, string? review, string? charts, ExportContexts exportContexts,
                PackMaker packs, CancellationToken ct) =>
            {
                if (!PackMaker.Formats.Contains(format))
                {
                    return Results.NotFound();
                }

                var period = ReviewRequest.ParsePeriod(review ?? "last_full_month");
                if (period is null)
                {
                    return Results.Problem($"Unknown review period \"{review}\": use last_full_month or last_full_quarter.", statusCode: StatusCodes.Status400BadRequest);
                }

                var (context, who) = await exportContexts.ForAsync(http, ct);
                var keys = charts?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    ?? [.. ReportPages.All.SelectMany(p => p.Charts.Select(c => $"{p.Key}/{c.Id}"))];
                try
                {
                    var file = await packs.BuildAsync(context, new ReviewRequest(period.Value, context.View.Compare, keys), format, who, ct: ct);
                    return Results.File(file.Bytes, file.ContentType, file.FileName);
                }
                catch (UnknownChartException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
                }
                catch (RenderingUnavailableException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .RequireAuthorization(Hosting.AccessHosting.ExportPolicyName)
            .ExcludeFromDescription();

        app.MapGet("/exports/packs/{id}", (HttpContext http, string id, PackDownloads packs) =>
                packs.Take(id, http.User.Identity?.Name ?? "") is { } file ? Results.File(file.Bytes, file.ContentType, file.FileName) : Results.NotFound())
            .RequireAuthorization(Hosting.AccessHosting.ExportPolicyName)
            .ExcludeFromDescription();
        return app;
    }
}
