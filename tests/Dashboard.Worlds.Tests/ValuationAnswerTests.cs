using System.Text.Json;
using Dashboard.Cli;
using Dashboard.Worlds.Simulation;
using Dashboard.Worlds.Study;
using Microsoft.Data.Sqlite;

namespace Dashboard.Worlds.Tests;

/// <summary>
/// `dashboard valuation` on a world whose sampling requests and scan-to-win entries are driven by in-store spend alone:
/// the data cannot split them, so the answer must say so (API.md) and keep its sums whole.
/// </summary>
public sealed class ValuationAnswerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Types_the_data_cannot_split_come_as_a_group_whose_engagement_the_members_add_up_to()
    {
        var world = WorldSimulator.Simulate(WorldCatalogue.Named("shared_channel").Small(), 4242);
        var folder = Directory.CreateTempSubdirectory("world-answer-").FullName;
        try
        {
            var path = Path.Combine(folder, "w.db");
            await WorldRun.ImportAsync(world, await WorldTemplate.GetAsync(), path, Ct);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(0, await CliApp.RunAsync(["valuation", "--db", path], stdout, stderr, TimeProvider.System));
            using var answer = JsonDocument.Parse(stdout.ToString());
            var root = answer.RootElement;

            // The world plants value in every type: the verdict says the data show some.
            Assert.Equal("evidence", root.GetProperty("verdict").GetString());

            var events = root.GetProperty("events").EnumerateArray()
                .Where(e => e.GetProperty("value").ValueKind == JsonValueKind.Number)
                .ToDictionary(e => e.GetProperty("event").GetString()!, e => e);
            var pair = root.GetProperty("groups").EnumerateArray()
                .Single(g => g.GetProperty("events").EnumerateArray().Select(x => x.GetString()).Contains("sampling_request"));
            var members = pair.GetProperty("events").EnumerateArray().Select(x => x.GetString()!).ToList();
            Assert.Contains("scan_to_win", members);
            Assert.All(members, m => Assert.False(events[m].GetProperty("identified").GetBoolean()));

            // A group's engagement is its members' actions × their values; the total is every type's.
            static double Worth(JsonElement e) => e.GetProperty("volume").GetDouble() * e.GetProperty("value").GetDouble();
            var groupWorth = pair.GetProperty("engagement_value").GetDouble();
            Assert.Equal(groupWorth, members.Sum(m => Worth(events[m])), groupWorth * 1e-9);
            Assert.Equal(pair.GetProperty("value").GetDouble() * pair.GetProperty("volume").GetDouble(), groupWorth, groupWorth * 1e-9);
            var total = root.GetProperty("engagement_value").GetDouble();
            Assert.Equal(total, events.Values.Sum(Worth), Math.Abs(total) * 1e-9);
            Assert.InRange(total, root.GetProperty("engagement_low").GetDouble(), root.GetProperty("engagement_high").GetDouble());

            // Every market with sales stays in the fit.
            Assert.Equal(world.Markets.Count, root.GetProperty("markets").GetInt32());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
