using Dashboard.DemoData.Randomness;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.World;

/// <summary>Every planted parameter and plan of one demo data set, derived from the options alone.</summary>
internal sealed class DemoWorld
{
    /// <summary>Days simulated before the first data day so adstock, lags and the vanity loop start warm.</summary>
    public const int BurnInDays = 30;

    private DemoWorld(DemoOptions options)
    {
        Options = options;
        From = options.FromDate;
        To = options.EndDate;
        Days = To.DayNumber - From.DayNumber + 1;
        var seed = options.Seed;

        Markets = MarketProfiles.Create(seed);
        string[] events = [.. DefaultReferenceData.Definitions.Select(d => d.Key)];
        Events = events;
        EventValues = [.. Events.Select(e => MediaSpecs.ValueUsd[e])];
        LagKernel = MediaSpecs.LagKernel();

        var curveRandom = SeedDerivation.Stream(seed, "curves");
        Curves = [.. MediaSpecs.PaidChannels.Select((spec, i) =>
        {
            var lambda = Math.Round(curveRandom.Uniform(0.2, 0.7), 3);
            var alpha = Math.Round(curveRandom.Uniform(1.0, 2.5), 3);
            var halfSaturation = Math.Round(spec.SpendUsdPerSizeUnit / (1 - lambda) * curveRandom.Uniform(0.8, 1.25), 1);
            return new ChannelCurve(i, spec, lambda, halfSaturation, alpha);
        })];

        var pairs = new List<ActionPair>();
        foreach (var curve in Curves)
        {
            foreach (var cap in curve.Spec.Caps)
            {
                pairs.Add(new ActionPair(curve.Index, curve.Channel, Array.IndexOf(events, cap.Event), cap.Event, cap.Cap, IsOrganic: false));
            }
        }

        for (var e = 0; e < events.Length; e++)
        {
            pairs.Add(new ActionPair(Curves.Count, MediaSpecs.OrganicChannel, e, events[e], MediaSpecs.OrganicPerSizeUnit[events[e]], IsOrganic: true));
        }

        Pairs = pairs;
        Holidays = HolidayCalendar.For(Markets.Select(m => m.Market), From.Year - 1, To.Year);
        Holdout = HoldoutPlan.Create(seed, To);
        Campaigns = CampaignPlan.Create(seed, From, To, options.Size == DemoSize.Large, Markets, Holdout);
        Rollout = RolloutPlan.Create(seed, Days, options.Size == DemoSize.Large, Markets);
        Fx = FxTable.Create(seed, From, To, Markets.Select(m => m.Currency));
        Brands = BrandCatalog.Create(seed, options.Size);
        Contexts = [.. Markets.Select(m => ContextEpisodes.Create(seed, m, From, Days, Holdout, Holidays))];
    }

    public DemoOptions Options { get; }

    public int Seed => Options.Seed;

    public bool IsLarge => Options.Size == DemoSize.Large;

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days { get; }

    public IReadOnlyList<MarketProfile> Markets { get; }

    public IReadOnlyList<string> Events { get; }

    public IReadOnlyList<double> EventValues { get; }

    public IReadOnlyList<double> LagKernel { get; }

    public IReadOnlyList<ChannelCurve> Curves { get; }

    /// <summary>Paid channel–event pairs first, then one organic pair per event.</summary>
    public IReadOnlyList<ActionPair> Pairs { get; }

    public IReadOnlyList<Holiday> Holidays { get; }

    public HoldoutPlan Holdout { get; }

    public CampaignPlan Campaigns { get; }

    public RolloutPlan Rollout { get; }

    public FxTable Fx { get; }

    public IReadOnlyList<Brand> Brands { get; }

    public IReadOnlyList<ContextEpisodes> Contexts { get; }

    public static DemoWorld Create(DemoOptions options) => new(options);
}
