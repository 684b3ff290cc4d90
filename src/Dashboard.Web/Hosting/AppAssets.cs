using Microsoft.Extensions.FileProviders;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Serves the repo's top-level wwwroot-assets/ (styles, JS modules, images, map topology) under /assets.
/// The build copies the folder beside the binaries, so dotnet run, a publish and the tests all find it there.
/// </summary>
public static class AppAssets
{
    public const string RequestPath = "/assets";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");

    public static WebApplication UseAppAssets(this WebApplication app)
    {
        if (!Directory.Exists(Folder))
        {
            throw new InvalidOperationException($"The app's static files are missing: {Folder} does not exist. Rebuild the project.");
        }

        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Folder), RequestPath = RequestPath });
        return app;
    }
}
