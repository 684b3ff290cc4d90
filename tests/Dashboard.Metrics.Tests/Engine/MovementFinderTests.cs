using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Narrative;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Tests.Engine;

public sealed class MovementFinderTests
{
    [Fact]
    public void The_scope_movement_comes_first_then_the_groups_that_moved_most()
    {
        var engine = new MetricsEngine(SmallSnapshot.Build());
        var view = new MetricsQuery
        {
            Range = new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)),
            Measures = ["micro_conversions"],
            Scope = AccessScope.All,
        };

        var movements = MovementFinder.Find(engine, view, [Dimension.Market], top: 3);

        // March (45) against the 31 days before (4, all DE on 28 February): +1025%.
        var scope = movements[0];
        Assert.Null(scope.Dimension);
        Assert.Equal((45.0, 4.0, 10.25), (scope.Value, scope.Comparison, scope.Change));
        // Only DE had actions in the comparison period; FR, US and GB had none, so their change is undefined and left out.
        var de = Assert.Single(movements.Skip(1));
        Assert.Equal(("DE", 15.0, 4.0, 2.75), (de.Key, de.Value, de.Comparison, de.Change));
        Assert.Equal(1.0, de.ShareOfScope);
    }
}
