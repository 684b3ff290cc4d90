using Dashboard.Worlds.Study;

namespace Dashboard.Worlds.Tests;

/// <summary>One migrated database with the default reference data for the assembly; each run copies it.</summary>
internal static class WorldTemplate
{
    private static readonly Lazy<Task<string>> Path = new(() => WorldRun.CreateTemplateAsync(Directory.CreateTempSubdirectory("worlds-tests-").FullName));

    public static Task<string> GetAsync() => Path.Value;
}
