using System.Globalization;
using Dashboard.DemoData.World;
using Dashboard.DemoData.Truth;
using Dashboard.DemoData.Writers;
using Dashboard.Domain.Imports;

namespace Dashboard.DemoData;

/// <summary>
/// Writes a deterministic demo data set: one CSV per import kind (named kind + ".csv") in the
/// standard formats, plus truth.json with the planted parameters. Files are streamed; at most one
/// market's simulation is in memory at a time.
/// </summary>
public static class DemoDataGenerator
{
    public static DemoResult Write(DemoOptions options, string directory, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);

        var world = DemoWorld.Create(options);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        progress?.Report("Writing fx rates, campaigns and the holdout test");
        counts[ImportKinds.FxRates] = ReferenceFilesWriter.WriteFxRates(world, directory);
        counts[ImportKinds.Campaigns] = ReferenceFilesWriter.WriteCampaigns(world, directory);
        counts[ImportKinds.HoldoutTests] = ReferenceFilesWriter.WriteHoldoutTests(world, directory);

        var outcomes = new List<MarketOutcome>();
        var aliases = new List<AliasUse>();
        using (var facts = new MarketFactsWriter(world, directory))
        {
            foreach (var market in world.Markets)
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Writing daily facts for {market.Code} ({market.Index + 1}/{world.Markets.Count})"));
                outcomes.Add(facts.Write(market, aliases));
            }

            foreach (var (kind, rows) in facts.RowCounts)
            {
                counts[kind] = rows;
            }
        }

        progress?.Report("Writing journeys");
        var journeys = JourneysWriter.Write(world, directory);
        counts[ImportKinds.Journeys] = journeys.Rows;
        progress?.Report("Writing survey responses");
        counts[ImportKinds.SurveyResponses] = SurveyResponsesWriter.Write(world, directory);

        // Row counts in the contract's kind order, so truth.json is stable.
        var ordered = ImportKinds.All.ToDictionary(k => k.Key, k => counts[k.Key], StringComparer.Ordinal);
        var truth = TruthBuilder.Build(world, outcomes, aliases, journeys, ordered);
        DemoTruthJson.Write(truth, Path.Combine(directory, DemoTruthJson.FileName));
        progress?.Report("Done");
        return new DemoResult(ordered, truth);
    }
}
