using Dashboard.Application.Analysis;
using Dashboard.Application.Imports;
using System.Globalization;
using Dashboard.Data.Imports;
using Dashboard.Exports.Files;
using Dashboard.Web.Access;
using Dashboard.Application.Exports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Imports;

/// <summary>
/// The HTTP side of loading data: <c>POST /api/imports/{kind}</c> (a CSV body or a multipart file, streamed to disk,
/// then imported by the same importer as the page and the CLI), <c>GET /api/imports/{id}</c> and its error report,
/// and the browser's streaming upload. Admins (signed in) and API keys allowed to import may call them; an API
/// key loads only the markets of its grants.
/// </summary>
public static class ImportEndpoints
{
    public const string ImportPolicyName = "import";

    /// <summary>Header the page's upload script sends with the one-time token the page issued.</summary>
    public const string UploadTokenHeader = "X-Upload-Token";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(ImportPolicyName);

        api.MapPost("/{kind}", async (HttpContext http, string kind, string? template, UploadStore uploads, ImportRunner runner, UserScopes scopes,
                SourceTemplatesService templates, CancellationToken ct) =>
            {
                var options = new ImportOptions { Via = "api" };
                if (template is not null)
                {
                    if (await templates.FindAsync(template, ct) is not { } saved)
                    {
                        return Results.Problem($"no source template is named '{template}'", statusCode: StatusCodes.Status400BadRequest);
                    }

                    options = options with { Mapping = saved.Mapping, Template = saved.Name };
                    kind = kind == "auto" ? saved.Kind : kind;
                }

                var (file, problem) = await ReceiveAsync(http, uploads, ct);
                if (file is null)
                {
                    return problem!;
                }

                try
                {
                    var scope = http.User.IsInRole(Dashboard.Domain.Access.Roles.Admin) ? null : (await scopes.ForAsync(http.User, ct)).Markets;
                    var result = await runner.ImportAsync(kind == "auto" ? null : kind, file, Actors.Of(http.User), options with { Markets = scope }, ct);
                    var body = ImportJson(result);
                    return result.Stored
                        ? Results.Json(body, statusCode: StatusCodes.Status201Created)
                        : Results.Json(body, statusCode: StatusCodes.Status422UnprocessableEntity);
                }
                finally
                {
                    uploads.Delete(file.Id);
                }
            })
            .Accepts<IFormFile>("text/csv", "multipart/form-data", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Import a file of one kind (or kind=auto: from its header), all or nothing; template= reads it through a saved source template")
            .WithDescription("A CSV body, an XLSX body or a multipart upload (field 'file'). 201 with the import's counts, or 422 with every error (line, column, value, message); 413 past the size limit.");

        api.MapGet("/{id:int}", async (int id, ImportsService imports, CancellationToken ct) =>
            {
                if (await imports.DetailAsync(id, 100, ct) is not { } detail)
                {
                    return Results.NotFound();
                }

                var (record, errors) = detail;
                return Results.Json(new
                {
                    import_id = record.Id, kind = record.Kind, file = record.FileName, user = record.User, via = record.Via, template = NullIfEmpty(record.Template),
                    started_utc = record.StartedUtc, finished_utc = record.FinishedUtc, outcome = record.Outcome, rows_read = record.RowsRead,
                    inserted = record.Inserted, replaced = record.Replaced, erased_journeys = record.Erased, total_errors = record.ErrorCount,
                    errors = errors.Select(e => new { line = e.Line, column = e.Column, value = e.Value, message = e.Message }),
                    rolled_back_utc = record.RolledBackUtc,
                });
            })
            .WithSummary("One import: who, when, what, outcome and counts, with its first 100 errors");

        api.MapGet("/{id:int}/errors.csv", async (int id, ImportsService imports, CancellationToken ct) =>
            {
                if (await imports.DetailAsync(id, errors: null, ct) is not { } detail)
                {
                    return Results.NotFound();
                }

                var (record, errors) = detail;
                var table = new ExportTable(
                    $"Errors of import {id}: {record.FileName} ({record.Kind})",
                    [("Total errors", record.ErrorCount.ToString(CultureInfo.InvariantCulture)), ("Listed", errors.Count.ToString(CultureInfo.InvariantCulture))],
                    [new("line", ExportCellKind.Number), new("column", ExportCellKind.Text), new("value", ExportCellKind.Text), new("message", ExportCellKind.Text)],
                    [.. errors.Select(e => new object?[] { e.Line, e.Column, e.Value, e.Message })]);
                return Results.File(CsvExport.ToBytes(table), "text/csv; charset=utf-8", $"import-{id}-errors.csv");
            })
            .WithSummary("The error report of a failed import as CSV (line, column, value, message)");

        // The browser's upload: streamed to disk here, outside the page's connection; the page then previews and imports it.
        app.MapPost("/imports/uploads", async (HttpContext http, UploadStore uploads, UploadTokens tokens, CancellationToken ct) =>
            {
                var user = Actors.Of(http.User);
                if (!tokens.Redeem(http.Request.Headers[UploadTokenHeader].ToString(), user))
                {
                    return Results.Problem("the upload token is missing or used: reload the page", statusCode: StatusCodes.Status403Forbidden);
                }

                var (file, problem) = await ReceiveAsync(http, uploads, ct);
                return file is null
                    ? problem!
                    : Results.Json(new { upload_id = file.Id, file_name = file.FileName, size = file.Size, format = file.Format.ToString().ToLowerInvariant() });
            })
            .RequireAuthorization(policy => policy.RequireRole(Dashboard.Domain.Access.Roles.Admin))
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }

    public static object ImportJson(ImportResult result) => result.Stored
        ? new { kind = result.Kind, file = result.FileName, import_id = result.ImportId, inserted = result.Inserted, replaced = result.Replaced, erased_journeys = result.ErasedJourneys }
        : new
        {
            kind = result.Kind, file = result.FileName, import_id = result.ImportId, stored = 0, total_errors = result.TotalErrors,
            errors = result.Errors.Select(e => new { line = e.Line, column = e.Column, value = e.Value, message = e.Message }),
        };

    /// <summary>Spools the request's file (the body, or the first file of a multipart form) to disk, within the size limit.</summary>
    private static async Task<(UploadedFile? File, IResult? Problem)> ReceiveAsync(HttpContext http, UploadStore uploads, CancellationToken ct)
    {
        var request = http.Request;
        if (request.ContentLength > uploads.MaxBytes)
        {
            return (null, TooLarge(uploads.MaxBytes));
        }

        // The store counts bytes itself; the server's own limit stays as a backstop.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = uploads.MaxBytes + (1 << 20);
        }

        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
                if (string.IsNullOrEmpty(boundary))
                {
                    return (null, Results.Problem("the multipart body has no boundary", statusCode: StatusCodes.Status400BadRequest));
                }

                var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, request.Body);
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                    {
                        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "upload.csv";
                        return (await uploads.SaveAsync(section.Body, name, Actors.Of(http.User), ct), null);
                    }
                }

                return (null, Results.Problem("the multipart body has no file", statusCode: StatusCodes.Status400BadRequest));
            }

            var fileName = request.Headers["X-File-Name"].ToString() is { Length: > 0 } given ? Uri.UnescapeDataString(given)
                : request.ContentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) == true ? "upload.xlsx" : "upload.csv";
            return (await uploads.SaveAsync(request.Body, fileName, Actors.Of(http.User), ct), null);
        }
        catch (UploadTooLargeException ex)
        {
            return (null, TooLarge(ex.Limit));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(uploads.MaxBytes));
        }
    }

    private static IResult TooLarge(long limit) => Results.Problem(
        $"the file is larger than the upload limit of {UploadTooLargeException.Describe(limit)} (setting Limits:MaxRequestBodyBytes); split it or ask an admin to raise the limit",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
