using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Cli;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>
/// POST /api/imports/{kind} with API keys: the same validation, atomicity and answers as the CLI, scoped to the key's
/// markets; GET /api/imports/{id}; and /api/metrics answering the imported data with the CLI's JSON.
/// </summary>
public sealed class ImportApiTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // Two days after the seeded data ends, so every count in the totals below comes from this file alone.
    private const string NewDays = """
        date,market,channel,campaign,event,source,count
        2026-07-01,DE,email_crm,,nl_anmeldung,,17
        2026-07-01,DE,paid_social,,coupon_download,ecommerce,5
        2026-07-02,DE,email_crm,,newsletter_signup,crm,20
        """;

    private static async Task<(int Exit, string Out, string Err)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static async Task<HttpClient> KeyClientAsync(AppFactory app, params string[] options)
    {
        var (exit, stdout, stderr) = await CliAsync(["apikeys", "add", "--name", "CRM pipeline", .. options, "--db", app.Database.Path]);
        Assert.True(exit == 0, stderr);
        var client = new HttpClient { BaseAddress = app.RootUri };
        client.DefaultRequestHeaders.Add("X-Api-Key", JsonDocument.Parse(stdout).RootElement.GetProperty("key").GetString());
        return client;
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task A_key_that_may_import_loads_a_csv_body_and_the_metrics_api_answers_it_like_the_cli()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = await KeyClientAsync(app, "--role", "regional", "--grant", "market:DE", "--can-import");

        using var posted = await client.PostAsync("/api/imports/micro_conversions", Csv(NewDays), Ct);
        var body = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(3, body.GetProperty("inserted").GetInt32());
        var id = body.GetProperty("import_id").GetInt32();

        var record = JsonDocument.Parse(await client.GetStringAsync($"/api/imports/{id}", Ct)).RootElement;
        Assert.Equal(("succeeded", "api", 3L), (record.GetProperty("outcome").GetString(), record.GetProperty("via").GetString(), record.GetProperty("rows_read").GetInt64()));
        Assert.StartsWith("API key CRM pipeline", record.GetProperty("user").GetString(), StringComparison.Ordinal);

        // 17 + 5 + 20 actions: the only data on those days.
        const string Query = "measures=micro_conversions&from=2026-07-01&to=2026-07-02&by=event";
        var api = await client.GetStringAsync($"/api/metrics?{Query}", Ct);
        var totals = JsonDocument.Parse(api).RootElement.GetProperty("totals").GetProperty("values");
        Assert.Equal(42, totals.GetProperty("micro_conversions").GetDouble());
        var (exit, cli, _) = await CliAsync("metrics", "--measures", "micro_conversions", "--from", "2026-07-01", "--to", "2026-07-02", "--by", "event", "--db", app.Database.Path);
        Assert.Equal(0, exit);
        Assert.Equal(JsonDocument.Parse(cli).RootElement.GetRawText(), JsonDocument.Parse(api).RootElement.GetRawText());
    }

    [Fact]
    public async Task A_row_outside_the_keys_markets_fails_the_whole_file_with_its_line()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = await KeyClientAsync(app, "--role", "regional", "--grant", "market:DE", "--can-import");
        var before = await DatabaseFingerprint.ComputeAsync(app.Database.Path, "snapshot_images", "audit_log", "data_protection_keys");

        using var posted = await client.PostAsync("/api/imports/micro_conversions", Csv(NewDays + "\n2026-07-02,FR,email_crm,,newsletter_signup,crm,8"), Ct);
        var body = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Equal(0, body.GetProperty("stored").GetInt32());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((5, "market", "FR"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
        Assert.Equal(before, await DatabaseFingerprint.ComputeAsync(app.Database.Path, "snapshot_images", "audit_log", "data_protection_keys"));

        using var report = await client.GetAsync($"/api/imports/{body.GetProperty("import_id").GetInt32()}/errors.csv", Ct);
        var csv = await report.Content.ReadAsStringAsync(Ct);
        Assert.Contains("5,market,FR,is outside the markets this caller may load (DE)", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_without_the_import_right_are_refused_and_a_viewer_key_cannot_get_it()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var reader = await KeyClientAsync(app, "--role", "director");
        var viewer = await CliAsync("apikeys", "add", "--name", "v", "--role", "viewer", "--grant", "market:DE", "--can-import", "--db", app.Database.Path);

        using var posted = await reader.PostAsync("/api/imports/micro_conversions", Csv(NewDays), Ct);

        Assert.True(posted.StatusCode == HttpStatusCode.Forbidden, await posted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, viewer.Exit);
        Assert.Contains("a viewer key is read-only", viewer.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_upload_is_detected_by_header_and_read_through_a_template()
    {
        await using var app = await AppFactory.StartSeededAsync();
        var saved = await CliAsync("templates", "save", "--name", "Loyalty CRM export", "--kind", "micro_conversions",
            "--map", "Datum=date", "--map", "Land=market", "--map", "Kanal=channel", "--map", "Kampagne=campaign", "--map", "Ereignis=event",
            "--map", "Anzahl=count", "--ignore", "Notiz", "--db", app.Database.Path);
        Assert.True(saved.Exit == 0, saved.Err);
        using var client = await KeyClientAsync(app, "--role", "director", "--can-import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Datum,Land,Kanal,Kampagne,Ereignis,Anzahl,Notiz\n2026-07-01,GB,email_crm,,newsletter_signup,9,x\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "crm.csv");

        using var posted = await client.PostAsync("/api/imports/auto?template=Loyalty%20CRM%20export", form, Ct);
        var body = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(("micro_conversions", "crm.csv", 1), (body.GetProperty("kind").GetString(), body.GetProperty("file").GetString(), body.GetProperty("inserted").GetInt32()));
    }

    [Fact]
    public async Task A_file_past_the_size_limit_gets_413_with_the_limit_and_nothing_is_stored()
    {
        await using var app = await AppFactory.StartSeededAsync(new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "100" });
        using var client = await KeyClientAsync(app, "--role", "director", "--can-import");

        using var posted = await client.PostAsync("/api/imports/micro_conversions", Csv(NewDays), Ct);
        var problem = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.Contains("larger than the upload limit of 100 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM imports WHERE via = 'api'"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_import_and_metrics_endpoints_and_the_api_key()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var client = new HttpClient { BaseAddress = app.RootUri };

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var paths = document.GetProperty("paths");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));

        Assert.True(paths.TryGetProperty("/api/imports/{kind}", out var post) && post.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/imports/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/imports/{id}/errors.csv", out _));
        Assert.True(paths.TryGetProperty("/api/metrics", out var metrics) && metrics.TryGetProperty("get", out _));
        Assert.False(paths.TryGetProperty("/imports/uploads", out _));
    }

    [Fact]
    public async Task The_browser_upload_takes_a_file_once_per_token_of_the_same_admin()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var admin = await app.SignedInClientAsync("admin@demo.local");
        var tokens = app.Services.GetRequiredService<Dashboard.Application.Imports.UploadTokens>();
        var token = tokens.Issue("admin@demo.local");
        var otherUsers = tokens.Issue("director@demo.local");

        HttpRequestMessage Upload(string? with) => new HttpRequestMessage(HttpMethod.Post, "/imports/uploads")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(NewDays)),
            Headers = { { "X-File-Name", "crm%20export.csv" } },
        }.WithToken(with);

        using var without = await admin.SendAsync(Upload(null), Ct);
        using var foreign = await admin.SendAsync(Upload(otherUsers), Ct);
        using var first = await admin.SendAsync(Upload(token), Ct);
        using var again = await admin.SendAsync(Upload(token), Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (without.StatusCode, foreign.StatusCode));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var upload = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(("crm export.csv", NewDays.Length, "csv"), (upload.GetProperty("file_name").GetString(), upload.GetProperty("size").GetInt32(), upload.GetProperty("format").GetString()));
        var stored = app.Services.GetRequiredService<Dashboard.Application.Imports.UploadStore>().Find(upload.GetProperty("upload_id").GetString()!, "admin@demo.local");
        Assert.Equal(NewDays, await File.ReadAllTextAsync(stored!.Path, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
    }
}

internal static class UploadRequests
{
    public static HttpRequestMessage WithToken(this HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Add(Dashboard.Web.Imports.ImportEndpoints.UploadTokenHeader, token);
        }

        return request;
    }
}
