using System.Globalization;
using Dashboard.DemoData.World;
using Dashboard.DemoData.Randomness;
using Dashboard.Domain.Imports;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.Writers;

/// <summary>
/// Survey answers about events a market tracks on that day: a reason from the event's fixed list
/// and a score 1..5 that is higher on average for high-intent actions.
/// </summary>
internal static class SurveyResponsesWriter
{
    public static long Write(DemoWorld world, string directory)
    {
        var random = SeedDerivation.Stream(world.Seed, "surveys");
        var idBase = SeedDerivation.For(world.Seed, "respondent_ids");
        var count = world.IsLarge ? 60_000 : 3_000;
        var totalSize = world.Markets.Sum(m => m.Size);
        var meanScore = DefaultReferenceData.Definitions.ToDictionary(
            d => d.Key,
            d => d.IntentGroup switch { IntentGroup.High => 4.0, IntentGroup.Medium => 3.5, _ => 3.0 },
            StringComparer.Ordinal);

        using var file = DemoFiles.Open(directory, ImportKinds.SurveyResponses);
        var tracked = new List<int>();
        for (var r = 0; file.Rows < count; r++)
        {
            var pick = random.NextDouble() * totalSize;
            var market = world.Markets[^1];
            foreach (var m in world.Markets)
            {
                pick -= m.Size;
                if (pick < 0)
                {
                    market = m;
                    break;
                }
            }

            var day = random.NextInt(0, world.Days);
            tracked.Clear();
            for (var e = 0; e < world.Events.Count; e++)
            {
                if (world.Rollout.Tracks(market.Index, e, day))
                {
                    tracked.Add(e);
                }
            }

            var u = random.NextDouble();
            var z = random.Normal();
            if (tracked.Count == 0)
            {
                continue;
            }

            var eventKey = world.Events[tracked[(int)(u * tracked.Count)]];
            var reasons = SurveyReasons.ByEvent[eventKey];
            var reason = reasons[random.NextInt(0, reasons.Length)];
            var score = Math.Clamp((int)Math.Round(meanScore[eventKey] + z), 1, 5);
            var respondent = "r_" + SplitMix64.Mix(idBase + (ulong)r).ToString("x16", CultureInfo.InvariantCulture);
            file.Date(world.From.AddDays(day)).Text(market.Code).Text(eventKey).Text(respondent).Text(reason).Integer(score).EndRow();
        }

        return file.Rows;
    }
}
