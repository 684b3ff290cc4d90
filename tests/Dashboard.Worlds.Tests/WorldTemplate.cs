using Dashboard.Worlds.Study;

namespace Dashboard.Worlds.Tests;

/// <summary>One migrated database with the default reference data for the assembly; each run copies it.</summary>
internal static class WorldTemplate
{
    private static readonly Lazy<Task<string>> Path = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("worlds-tests-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        };
        return WorldRun.CreateTemplateAsync(folder.FullName);
    });

    public static Task<string> GetAsync() => Path.Value;
}
