using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Inventory;
using Dashboard.Web.Api;
using Dashboard.Web.Configuration;
using Dashboard.Web.Exports;
using Dashboard.Web.Imports;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard.Web.Hosting;

/// <summary>Service registrations and the request pipeline, so Program.cs stays a table of contents.</summary>
public static class DashboardHosting
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<DemoSeedOptions>().Bind(builder.Configuration.GetSection(DemoSeedOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoSeedOptions>, DemoSeedOptionsValidator>();

        var contentRoot = builder.Environment.ContentRootPath;
        services.AddDbContextFactory<DashboardDbContext>((sp, options) =>
            DashboardDatabase.Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, contentRoot));
        services.AddSingleton<DataInventory>();
        services.AddSingleton<Dashboard.Data.Quality.DataQualityChecks>();
        services.AddOptions<Application.Admin.DataQualityOptions>().Bind(builder.Configuration.GetSection(Application.Admin.DataQualityOptions.SectionName));
        services.AddSingleton<MetricsSnapshotStore>();
        services.AddSingleton<IAnalysisSource>(sp => sp.GetRequiredService<MetricsSnapshotStore>());
        services.AddSingleton<ISnapshotRefresh>(sp => sp.GetRequiredService<MetricsSnapshotStore>());
        services.AddSingleton<Application.Admin.AuditService>();
        services.AddSingleton<Application.Admin.ErasureService>();
        services.AddScoped<Application.Admin.CalibrationsService>();
        services.AddSingleton<Application.Admin.DataQualityService>();
        services.AddSingleton<Application.Admin.RowsService>();
        services.AddSingleton(sp => new Application.Imports.UploadStore(
            builder.Configuration.GetValue<string>("Imports:UploadDirectory") is { Length: > 0 } uploads ? Path.GetFullPath(uploads, builder.Environment.ContentRootPath) : null,
            builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? Application.Imports.UploadStore.DefaultMaxBytes, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Application.Imports.UploadTokens>();
        services.AddSingleton<Application.Imports.ImportRunner>();
        services.AddSingleton<Application.Imports.RollbackService>();
        services.AddSingleton<Application.Imports.SourceTemplatesService>();
        services.AddSingleton<Application.Imports.ImportsService>();
        services.AddSingleton<Application.Exports.DownloadService>();
        services.AddSingleton<ExportContexts>();
        services.AddOptions<Dashboard.Exports.Rendering.RenderingOptions>().Bind(builder.Configuration.GetSection(Dashboard.Exports.Rendering.RenderingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Dashboard.Exports.Rendering.RenderingOptions>>(new ProblemsValidator<Dashboard.Exports.Rendering.RenderingOptions>(o => o.Problems()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Dashboard.Exports.Rendering.RenderingOptions>>().Value);
        services.AddSingleton<Dashboard.Exports.Rendering.ChartRenderer>();
        services.AddSingleton<Dashboard.Exports.Packs.ReviewPackBuilder>();
        services.AddSingleton<Dashboard.Exports.Packs.PackMaker>();
        services.AddSingleton<PackDownloads>();
        services.AddOptions<Dashboard.Exports.Delivery.DeliveryOptions>().Bind(builder.Configuration.GetSection(Dashboard.Exports.Delivery.DeliveryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Dashboard.Exports.Delivery.DeliveryOptions>>(new ProblemsValidator<Dashboard.Exports.Delivery.DeliveryOptions>(o => o.Problems()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Dashboard.Exports.Delivery.DeliveryOptions>>().Value);
        services.AddSingleton(sp => new Dashboard.Exports.Delivery.PackDelivery(sp.GetRequiredService<Dashboard.Exports.Delivery.DeliveryOptions>(), contentRoot));
        services.AddSingleton(sp => new Dashboard.Exports.Delivery.PackScheduleRunner(
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DashboardDbContext>>(), ct => sp.GetRequiredService<MetricsSnapshotStore>().GetAnalysisAsync(ct).AsTask(),
            sp.GetRequiredService<Dashboard.Exports.Packs.PackMaker>(), sp.GetRequiredService<Dashboard.Exports.Delivery.PackDelivery>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Application.Schedules.IPackRunner>(sp => sp.GetRequiredService<Dashboard.Exports.Delivery.PackScheduleRunner>());
        services.AddHostedService<ScheduleHost>();
        services.AddHostedService<RendererWarmUp>();
        services.AddHostedService<SnapshotWatcher>();
        services.AddDashboardAccess(builder.Configuration);

        // One limit for every request body (uploads included), configurable; larger bodies get 413 before any handler reads them.
        var maxBody = builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? Application.Imports.UploadStore.DefaultMaxBytes;
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = maxBody);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(options => options.MultipartBodyLengthLimit = maxBody);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi(options => options.AddApiKeySecurity());
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return builder;
    }

    public static WebApplication UseDashboard<TApp>(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // People get a page for a 404 or 403; API callers get the status itself (a re-executed POST would even turn into a 400).
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        app.UseAppAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz", new() { ResponseWriter = DatabaseHealthCheck.WriteResponseAsync }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapAnalysisEndpoints();
        app.MapPlanningEndpoints();
        app.MapMetricsEndpoints();
        app.MapImportEndpoints();
        app.MapExportEndpoints();
        app.MapChartDataEndpoints();
        app.MapReviewPackEndpoints();
        app.MapSignOut();
        app.MapExternalSignIn();
        app.MapRazorComponents<TApp>().AddInteractiveServerRenderMode();
        return app;
    }
}
