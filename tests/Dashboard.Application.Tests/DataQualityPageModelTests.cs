using Dashboard.Application.Admin;
using Dashboard.Data.Quality;

namespace Dashboard.Application.Tests;

/// <summary>The Data quality page's freshness rule, moved out of the page: late past the source's limit, stale past twice it.</summary>
public sealed class DataQualityPageModelTests
{
    [Theory]
    [InlineData(0, 2, FeedState.OnTime)]
    [InlineData(2, 2, FeedState.OnTime)]
    [InlineData(3, 2, FeedState.Late)]
    [InlineData(4, 2, FeedState.Late)]
    [InlineData(5, 2, FeedState.Stale)]
    [InlineData(14, 7, FeedState.Late)]
    [InlineData(15, 7, FeedState.Stale)]
    public void A_feed_is_late_past_its_limit_and_stale_past_twice_it(int lag, int limit, FeedState state) =>
        Assert.Equal(state, DataQualityPageModel.Classify(lag, limit));

    [Fact]
    public void In_store_feeds_get_their_own_limit_and_the_latest_feeds_come_first()
    {
        var today = new DateOnly(2026, 6, 30);
        var findings = new StoredDataFindings(1,
        [
            new Freshness("sales", "web", "DE", "emea", today.AddDays(-1), 10),
            new Freshness("micro_conversions", "in_store", "DE", "emea", today.AddDays(-6), 10),
            new Freshness("spend", "ads", "FR", "emea", today.AddDays(-3), 10),
            new Freshness("journeys", "web", "GB", "emea", today.AddDays(-9), 10),
        ], [], [], [], []);

        var model = DataQualityPageModel.Build(today, new DataQualityOptions(), findings, []);

        // Defaults: 2 days, in-store 7. Six days is on time for an in-store feed; three days is late for the others.
        Assert.Equal([("journeys", 9, FeedState.Stale), ("micro_conversions", 6, FeedState.OnTime), ("spend", 3, FeedState.Late), ("sales", 1, FeedState.OnTime)],
            model.Feeds.Select(f => (f.Feed.Kind, f.Lag, f.State)));
        Assert.Equal([(FeedState.OnTime, 2), (FeedState.Late, 1), (FeedState.Stale, 1)], model.Counts);
    }
}
