using System.Globalization;
using System.Text.Json;
using Dashboard.Data;
using Dashboard.Data.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Imports;

/// <summary>How a message of the upload panel reads: information, a warning, a refusal or a success.</summary>
public enum ImportMessageLevel
{
    Info,
    Warning,
    Error,
    Success,
}

/// <summary>A saved source template as the panel lists it.</summary>
public sealed record TemplateOption(string Name, string Kind);

/// <summary>
/// Loading one file from the Import page, as plain state and rules: the file chosen and its upload, the kind (chosen
/// or detected), the template and column mapping, the preview of the first rows as they will be stored, the import
/// job and its result, and one message at a time. The panel draws this and forwards the browser's events.
/// </summary>
public sealed class ImportSession
{
    /// <summary>The kind picked to be detected from the header.</summary>
    public const string Auto = "auto";

    /// <summary>No template: the file has the standard columns.</summary>
    public const string NoTemplate = "";

    /// <summary>A column's choice in the mapping: not mapped (read by its own name), or ignored.</summary>
    public const string Unmapped = "";

    public const string Ignore = "(ignore)";

    public const int PreviewRows = 20;

    private readonly IDbContextFactory<DashboardDbContext> _contexts;
    private readonly ImportRunner _runner;
    private readonly UploadStore _uploads;
    private readonly UploadTokens _tokens;
    private readonly SourceTemplatesService _templates;
    private ColumnMapping _mapping = ColumnMapping.None;

    internal ImportSession(IDbContextFactory<DashboardDbContext> contexts, ImportRunner runner, UploadStore uploads, UploadTokens tokens, SourceTemplatesService templates, string user)
    {
        (_contexts, _runner, _uploads, _tokens, _templates, User) = (contexts, runner, uploads, tokens, templates, user);
    }

    public string User { get; }

    public IReadOnlyList<TemplateOption> Templates { get; private set; } = [];

    public string Kind { get; private set; } = Auto;

    public string Template { get; private set; } = NoTemplate;

    public string? FileName { get; private set; }

    public bool Uploading { get; private set; }

    public long Uploaded { get; private set; }

    public long UploadTotal { get; private set; }

    public UploadedFile? Upload { get; private set; }

    public ImportPreviewResult? Preview { get; private set; }

    public string? Message { get; private set; }

    public ImportMessageLevel Level { get; private set; } = ImportMessageLevel.Info;

    public ImportJob? Job { get; private set; }

    public ImportResult? Result { get; private set; }

    /// <summary>The name to save the current mapping under, as typed.</summary>
    public string? NewTemplateName { get; set; }

    /// <summary>The size limit of one file, in words.</summary>
    public string UploadLimit => UploadTooLargeException.Describe(_uploads.MaxBytes);

    public bool CanImport => Job is null && Preview is { Kind: not null, HeaderErrors.Count: 0 } && Preview.Columns.Count > 0;

    public bool CanSaveTemplate => Preview?.Kind is not null && !string.IsNullOrWhiteSpace(NewTemplateName);

    /// <summary>Share of the upload sent, 0–100.</summary>
    public double UploadPercent => UploadTotal == 0 ? 0 : 100.0 * Uploaded / UploadTotal;

    public string UploadProgressText => $"Uploading {FileName}: {Percent(Uploaded, UploadTotal)}";

    public string? ImportProgressText => Job is null ? null
        : $"Validating and importing: {Formatting.Formats.Count(Job.RowsRead)} rows read ({Percent((long)(Job.Fraction * 1000), 1000)} of the file)";

    /// <summary>What a column of the preview is set to in the mapping's picker.</summary>
    public static string Selected(PreviewColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Ignored ? Ignore : column.Known ? column.Target ?? Unmapped : Unmapped;
    }

    /// <summary>A file picked in the browser: refused at once when over the limit, else the upload may start.</summary>
    /// <returns>The one-time token the upload script sends, or null when the file is refused.</returns>
    public string? Choose(string name, long size)
    {
        Reset();
        FileName = name;
        if (size > _uploads.MaxBytes)
        {
            Show(ImportMessageLevel.Error, $"{name} is {UploadTooLargeException.Describe(size)}: larger than the upload limit of {UploadLimit}. "
                + "Split it, or ask an admin to raise Limits:MaxRequestBodyBytes.");
            return null;
        }

        (Uploading, UploadTotal) = (true, size);
        return _tokens.Issue(User);
    }

    public void Progress(long loaded, long total) => (Uploaded, UploadTotal) = (loaded, total);

    /// <summary>The upload's answer (HTTP status and body; status 0 is a failure in the browser, its body the reason).</summary>
    public async Task UploadedAsync(int status, string body, CancellationToken ct = default)
    {
        Uploading = false;
        if (status != 200)
        {
            Show(ImportMessageLevel.Error, status == 0 ? body : ProblemDetail(body) ?? $"the upload failed (HTTP {status})");
            return;
        }

        using var json = JsonDocument.Parse(body);
        Upload = _uploads.Find(json.RootElement.GetProperty("upload_id").GetString() ?? "", User);
        if (Upload is null)
        {
            Show(ImportMessageLevel.Error, "the uploaded file is gone: choose it again");
            return;
        }

        await PreviewAsync(ct);
    }

    public async Task SetKindAsync(string kind, CancellationToken ct = default)
    {
        Kind = kind;
        await PreviewAsync(ct);
    }

    /// <summary>A saved template: its mapping and kind apply, and the preview is read again.</summary>
    public async Task SetTemplateAsync(string name, CancellationToken ct = default)
    {
        Template = name;
        var template = name == NoTemplate ? null : await _templates.FindAsync(name, ct);
        _mapping = template?.Mapping ?? ColumnMapping.None;
        if (template is not null)
        {
            Kind = template.Kind;
        }

        await PreviewAsync(ct);
    }

    /// <summary>A source column set to feed a standard column, to be read by its own name, or to be ignored.</summary>
    public async Task SetColumnAsync(string source, string target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var columns = _mapping.Columns.Where(c => !string.Equals(c.Key, source, StringComparison.OrdinalIgnoreCase)).ToList();
        var ignored = _mapping.Ignored.Where(i => !string.Equals(i, source, StringComparison.OrdinalIgnoreCase)).ToList();
        if (target == Ignore)
        {
            ignored.Add(source);
        }
        else if (target != Unmapped && !string.Equals(target, source.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            columns.Add(new(source, target));
        }

        _mapping = new ColumnMapping(columns, ignored);
        await PreviewAsync(ct);
    }

    /// <summary>Starts the import of the previewed file; the job outlives the page.</summary>
    public ImportJob? Start()
    {
        if (Upload is null || Preview?.Kind is null || !CanImport)
        {
            return null;
        }

        var options = new ImportOptions { Via = "browser", Mapping = _mapping, Template = Template == NoTemplate ? null : Template };
        Job = _runner.Start(Preview.Kind, Upload, User, options);
        Message = null;
        return Job;
    }

    /// <summary>The job's result: the file is done with, and the panel shows the outcome.</summary>
    public void Finish(ImportResult result) => (Result, Job, Upload, Preview) = (result, null, null, null);

    public async Task SaveTemplateAsync(CancellationToken ct = default)
    {
        if (!CanSaveTemplate)
        {
            return;
        }

        var (template, errors) = await _templates.SaveAsync(NewTemplateName!, Preview!.Kind!, _mapping, User, ct);
        if (template is null)
        {
            Show(ImportMessageLevel.Error, string.Join("; ", errors));
            return;
        }

        Template = template.Name;
        NewTemplateName = null;
        Show(ImportMessageLevel.Success,
            $"Saved the source template \"{template.Name}\" ({template.Kind}): uploads, the API (template={template.Name}) and the command line (--template) can use it.");

        await LoadTemplatesAsync(ct);
    }

    internal async Task LoadTemplatesAsync(CancellationToken ct = default)
    {
        Templates = [.. (await _templates.ListAsync(ct)).Select(t => new TemplateOption(t.Name, t.Kind))];
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        Result = null;
        if (Upload is null)
        {
            return;
        }

        await using var db = await _contexts.CreateDbContextAsync(ct);
        await using var stream = new FileStream(Upload.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Preview = await ImportPreview.ReadAsync(db, stream, Upload.Format, Kind == Auto ? null : Kind, _mapping, PreviewRows, ct);
        if (Preview.Kind is null)
        {
            Show(ImportMessageLevel.Warning, (Preview.KindReason ?? "choose the kind of this file") + ".");
        }
        else
        {
            Show(ImportMessageLevel.Info, $"{Upload.FileName}: {UploadTooLargeException.Describe(Upload.Size)}, read as {Preview.Kind}"
                + (Kind == Auto ? " (detected from the header)" : "") + $". The first {Preview.Rows.Count} rows are shown as they will be stored.");
        }
    }

    private void Reset() => (Upload, Preview, Result, Message, Uploaded) = (null, null, null, null, 0);

    private void Show(ImportMessageLevel level, string message) => (Level, Message) = (level, message);

    private static string Percent(long done, long total) =>
        total == 0 ? "" : (done / (double)total).ToString("P0", CultureInfo.InvariantCulture);

    private static string? ProblemDetail(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
