using Dashboard.Attribution.Models;
using static Dashboard.Attribution.Tests.PathSets;

namespace Dashboard.Attribution.Tests;

public sealed class MarkovModelTests
{
    private const int A = 0, B = 1, Google = 0, Mailing = 1;

    [Fact]
    public void Three_converting_paths_of_two_channels_give_A_two_and_B_one()
    {
        // A>B>A>B>B>A, A>B>B>A>A, A>A, one conversion each (the published example).
        var paths = Of(2, Conv(A, B, A, B, B, A), Conv(A, B, B, A, A), Conv(A, A));

        var credit = MarkovModel.Run(paths).Credit;

        Assert.Equal(2.0, credit.Conversions[A], 9);
        Assert.Equal(1.0, credit.Conversions[B], 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Google_and_mailing_give_the_published_probability_removal_effects_and_credit(int order)
    {
        // google (2 conversions), mailing (1), google>mailing (1), and one non-converting google path.
        var paths = Of(2, Conv(Google), Conv(Google), Conv(Mailing), Conv(Google, Mailing), Lost(Google));

        var result = MarkovModel.Run(paths, order);

        Assert.Equal(0.8, result.ConversionProbability, 12);
        Assert.Equal(0.75, result.RemovalEffects[Google], 12);
        Assert.Equal(0.5, result.RemovalEffects[Mailing], 12);
        Assert.Equal(2.4, result.Credit.Conversions[Google], 12);
        Assert.Equal(1.6, result.Credit.Conversions[Mailing], 12);
    }

    [Fact]
    public void Revenue_credit_is_the_same_share_of_total_revenue()
    {
        var paths = Of(2, (new[] { Google }, true, 100.0), (new[] { Mailing }, true, 50.0), (new[] { Google, Mailing }, true, 30.0), Lost(Google));

        var credit = MarkovModel.Run(paths).Credit;

        Assert.Equal(180.0, credit.Revenue.Sum(), 9);
        Assert.Equal(credit.Conversions[Google] / 3 * 180, credit.Revenue[Google], 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_paths_match_an_independent_value_iteration_to_1e9(int seed)
    {
        var paths = Random(seed, channels: 5, count: 400);

        var result = MarkovModel.Run(paths);
        var reference = new ReferenceMarkov(paths);

        var p = reference.Probability(removed: -1);
        Assert.Equal(p, result.ConversionProbability, 9);
        var effects = Enumerable.Range(0, 5).Select(c => 1 - (reference.Probability(c) / p)).ToArray();
        for (var c = 0; c < 5; c++)
        {
            Assert.Equal(effects[c], result.RemovalEffects[c], 9);
            Assert.Equal(effects[c] / effects.Sum() * paths.Conversions, result.Credit.Conversions[c], 9);
        }
    }

    [Fact]
    public void A_random_walk_on_the_counted_transitions_agrees_within_its_error()
    {
        var paths = Random(7, channels: 4, count: 300);
        var reference = new ReferenceMarkov(paths);
        const int Walks = 200_000;

        var simulated = reference.Simulate(Walks, seed: 11);
        var exact = MarkovModel.Run(paths).ConversionProbability;

        // Four standard errors of a proportion: a fixed seed, so this is one draw, not a retry.
        var error = 4 * Math.Sqrt(exact * (1 - exact) / Walks);
        Assert.InRange(simulated, exact - error, exact + error);
    }

    [Fact]
    public void No_conversion_means_no_credit_and_no_probability()
    {
        var result = MarkovModel.Run(Of(2, Lost(A, B), Lost(B)));

        Assert.Equal(0, result.ConversionProbability);
        Assert.All(result.Credit.Conversions, c => Assert.Equal(0, c));
    }
}
