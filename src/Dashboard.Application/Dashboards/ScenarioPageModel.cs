using Dashboard.Application.Analysis;
using Dashboard.Application.Charts;
using Dashboard.Application.Formatting;
using Dashboard.Application.Preferences;
using Dashboard.Attribution.Planning;
using Dashboard.Data.Access;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// The Budget scenarios page's state and rules: the spend per channel on the sliders, the total as a share of the
/// current plan, the period, the bounds and goal of a recommendation, and what the planner predicts for them. The page
/// binds to it and draws <see cref="Curves"/>; every amount here is per day in the reporting currency.
/// </summary>
public sealed class ScenarioPageModel
{
    private readonly double[] _current;
    private double[] _spend;

    // A recommendation's split of a channel over its markets (channel → market → share), kept while its slider moves.
    private readonly Dictionary<string, Dictionary<string, double>> _split = [];
    private readonly Dictionary<string, double?> _marketMin = [];
    private readonly Dictionary<string, double?> _marketMax = [];
    private readonly ScenarioCurves _curves;

    public ScenarioPageModel(BudgetPlanner planner, string scopeKey, NumberFormat format, ScenarioView view)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(view);
        (Planner, ScopeKey, Format) = (planner, scopeKey, format);
        Channels = planner.Model.Channels;
        _current = [.. Channels.Select(c => planner.CurrentSpend[c.Channel])];
        // A linked scenario's amounts; a channel the link does not name keeps its current spend.
        _spend = [.. Channels.Select((c, i) => view.Spend.TryGetValue(c.Channel, out var s) ? s : _current[i])];
        Min = [];
        Max = [];
        ResetBounds();
        Budget = Math.Round(_current.Sum());
        Floor = 2;
        CurvesOfActions = view.CurvesOfActions;
        (PeriodKey, Period) = (view.Period, PlanningPeriod.Parse(view.Period, planner.Model.LastDay));
        Target = Math.Round(planner.Scenario(new Dictionary<string, double>(), Period).Baseline.PredictedRevenue.Value / Period.Days * 1.02);
        _curves = new ScenarioCurves(this);
        Recompute();
    }

    /// <summary>The planner under the page: the application layer's, never a component's.</summary>
    internal BudgetPlanner Planner { get; }

    /// <summary>The page's opening for a viewer: the response curves of their markets (fitted in the background, with progress) and then the model.</summary>
    public static ScenarioOpening Open(SnapshotAnalysis analysis, AccessScope scope, DisplayPreferences preferences, string? query)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(preferences);
        return new ScenarioOpening(analysis, scope, preferences, ScenarioView.Parse(query));
    }

    /// <summary>The last day the curves were fitted on.</summary>
    public DateOnly FittedTo => Planner.Model.LastDay;

    /// <summary>The gross margin profit figures use, as a fraction.</summary>
    public double Margin => Planner.Model.Margin;

    /// <summary>What the curves' fit wants the reader to know.</summary>
    public IReadOnlyList<string> Notes => Planner.Model.Notes;

    /// <summary>The recommendation's own notes (those of the fit are shown with the curves).</summary>
    public IReadOnlyList<string> RecommendationNotes => Recommendation is null ? [] : [.. Recommendation.Notes.Where(n => !Notes.Contains(n))];

    /// <summary>A US-dollar amount (how the model and saved scenarios keep money) in the reporting currency.</summary>
    public double FromUsd(double usd) => usd / Planner.UsdPerUnit;

    /// <summary>The scenario on screen as a CSV download link (relative), in the reporting currency.</summary>
    public string CsvHref => "exports/scenario.csv?period=" + Uri.EscapeDataString(PeriodKey) + "&currency=" + Currency + "&spend="
        + Uri.EscapeDataString(string.Join(',', PlanInput().Select(p => p.Key + "=" + Math.Round(p.Value, 2).ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>The scenario on screen in US dollars per day, as a saved scenario keeps it.</summary>
    public Dictionary<string, double> PlanInputUsd() => PlanInput().ToDictionary(p => p.Key, p => p.Value * Planner.UsdPerUnit);

    /// <summary>Saved scenarios predicted side by side with this page's planner: each in its own period; channels the curves no longer hold are left out.</summary>
    public IReadOnlyList<(SavedScenarioLine Saved, ScenarioResult Result)> Compare(IEnumerable<SavedScenarioLine> saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return [.. saved.Select(s => (s, Planner.Scenario(
            s.SpendUsd.Where(p => Channels.Any(c => c.Channel == p.Key.Split('@')[0])).ToDictionary(p => p.Key, p => FromUsd(p.Value)),
            PlanningPeriod.Parse(s.Period, Planner.Model.LastDay))))];
    }

    /// <summary>A saved plan's total per day in the reporting currency: its channels' amounts (market amounts are parts of them).</summary>
    public double SavedTotal(SavedScenarioLine saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return FromUsd(saved.SpendUsd.Where(p => !p.Key.Contains('@', StringComparison.Ordinal)).Sum(p => p.Value));
    }

    /// <summary>How the saved list names a period key.</summary>
    public static string PeriodLabel(string key) => key switch { "next_month" => "Next month", "next_quarter" => "Next quarter", _ => key };

    public string ScopeKey { get; }

    public NumberFormat Format { get; }

    public string Currency => Planner.Currency;

    public IReadOnlyList<ChannelResponse> Channels { get; }

    public IReadOnlyList<double> Current => _current;

    public IReadOnlyList<double> Spend => _spend;

    /// <summary>The scenario's total spend as a percentage of the current plan's (derived, so it cannot go stale).</summary>
    public double TotalPercent => _current.Sum() > 0 ? 100 * _spend.Sum() / _current.Sum() : 100;

    public string PeriodKey { get; private set; }

    public PlanningPeriod Period { get; private set; }

    public ScenarioResult Result { get; private set; } = default!;

    public bool CurvesOfActions { get; private set; }

    public ChartFigure Curves { get; private set; } = default!;

    /// <summary>The curves' table: each channel's current and scenario points.</summary>
    public IReadOnlyList<(string Name, double Spend, double Value, double MarginalRoi)> CurveRows { get; private set; } = [];

    public OptimizeMode Mode { get; set; } = OptimizeMode.Revenue;

    public double Budget { get; set; }

    public double Target { get; set; }

    public double Floor { get; set; }

    /// <summary>Each channel's bounds for a recommendation; the page edits them in place.</summary>
    public double[] Min { get; private set; }

    public double[] Max { get; private set; }

    /// <summary>The channel whose markets' bounds are shown.</summary>
    public int BoundsChannel { get; set; }

    public OptimizeResult? Recommendation { get; private set; }

    public string? OptimizeError { get; private set; }

    /// <summary>What the URL holds for this state: channels moved away from their current spend, the period, the curves.</summary>
    public ScenarioView View => new(PeriodKey,
        Channels.Select((c, i) => (c.Channel, i)).Where(p => Math.Round(_spend[p.i]) != Math.Round(_current[p.i])).ToDictionary(p => p.Channel, p => _spend[p.i]),
        CurvesOfActions);

    /// <summary>Written on a downloaded curves chart: whose markets, the period planned, the data the curves were fitted on.</summary>
    public IReadOnlyList<string> CurvesCaption =>
    [
        ScopeKey == "*" ? "Markets: all" : $"Markets: {ScopeKey.Replace(",", ", ", StringComparison.Ordinal)}",
        $"Planning {Formats.Date(Period.From)} – {Formats.Date(Period.To)} · curves fitted on data to {Formats.Date(Planner.Model.LastDay)} · {Currency} per day",
    ];

    public double SliderMax(int c) => Math.Max(1000, Math.Ceiling(_current[c] * 2 / 1000) * 1000);

    public double SliderStep(int c) => Math.Max(1, Math.Round(SliderMax(c) / 400));

    public double? MarginalRoi(int c) => Result.Predicted.MarginalRoi.GetValueOrDefault(Channels[c].Channel);

    /// <summary>One channel's spend moved (a negative amount is 0).</summary>
    public void SetSpend(int c, double value)
    {
        _spend[c] = Math.Max(0, value);
        Recompute();
    }

    /// <summary>The total slider scales every channel's current spend by the same factor.</summary>
    public void SetTotalPercent(double percent)
    {
        _split.Clear();
        _spend = [.. _current.Select(x => x * percent / 100)];
        Recompute();
    }

    public void ResetToCurrent()
    {
        _spend = [.. _current];
        _split.Clear();
        Recommendation = null;
        Recompute();
    }

    public void SetPeriod(string key)
    {
        (PeriodKey, Period) = (key, PlanningPeriod.Parse(key, Planner.Model.LastDay));
        Recommendation = null;
        Recompute();
    }

    public void SetCurvesOfActions(bool actions)
    {
        CurvesOfActions = actions;
        Recompute();
    }

    /// <summary>A saved scenario back on the sliders (its USD amounts in the reporting currency), with its period.</summary>
    public void Open(SavedScenarioLine saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        (PeriodKey, Period) = (saved.Period, PlanningPeriod.Parse(saved.Period, Planner.Model.LastDay));
        _spend = [.. Channels.Select((c, i) => saved.SpendUsd.TryGetValue(c.Channel, out var usd) ? usd / Planner.UsdPerUnit : _current[i])];
        _split.Clear();
        foreach (var (key, usd) in saved.SpendUsd.Where(p => p.Key.Contains('@', StringComparison.Ordinal)))
        {
            var (channel, market) = (key.Split('@')[0], key.Split('@')[1]);
            var c = Channels.ToList().FindIndex(r => r.Channel == channel);
            if (c >= 0 && _spend[c] > 0)
            {
                (_split.TryGetValue(channel, out var shares) ? shares : _split[channel] = [])[market] = usd / Planner.UsdPerUnit / _spend[c];
            }
        }

        Recommendation = null;
        Recompute();
    }

    public void ResetBounds()
    {
        Min = [.. _current.Select(x => x * 0.5)];
        Max = [.. _current.Select(x => x * 1.5)];
        _marketMin.Clear();
        _marketMax.Clear();
    }

    public double? MarketMin(string key) => _marketMin.GetValueOrDefault(key);

    public double? MarketMax(string key) => _marketMax.GetValueOrDefault(key);

    /// <summary>A market's bound (channel@market); null clears it, a negative one is 0.</summary>
    public void SetMarketBound(string key, bool minimum, double? value)
    {
        var bounds = minimum ? _marketMin : _marketMax;
        if (value is null)
        {
            bounds.Remove(key);
        }
        else
        {
            bounds[key] = Math.Max(0, value.Value);
        }
    }

    /// <summary>The plan on screen for the planner: each channel's amount, and its markets' where a recommendation split it.</summary>
    public Dictionary<string, double> PlanInput()
    {
        var plan = Channels.Select((c, i) => (c.Channel, _spend[i])).ToDictionary(p => p.Channel, p => p.Item2);
        foreach (var (channel, shares) in _split)
        {
            var total = plan[channel];
            foreach (var (market, share) in shares)
            {
                plan[$"{channel}@{market}"] = total * share;
            }
        }

        return plan;
    }

    /// <summary>The optimiser's allocation for the goal and bounds, put on the sliders (with its split over markets).</summary>
    public void Recommend()
    {
        OptimizeError = null;
        try
        {
            var request = new OptimizeRequest(Mode, Period,
                BudgetPerDay: Mode is OptimizeMode.Revenue or OptimizeMode.Profit ? Budget : null,
                TargetRevenuePerDay: Mode == OptimizeMode.TargetRevenue ? Target : null,
                RoasFloor: Mode == OptimizeMode.RoasFloor ? Floor : null,
                Bounds: Channels.Select((c, i) => (c.Channel, i)).ToDictionary(p => p.Channel, p => ((double?)Min[p.i], (double?)Max[p.i]))
                    .Concat(_marketMin.Keys.Union(_marketMax.Keys).Select(k => KeyValuePair.Create(k, (_marketMin.GetValueOrDefault(k), _marketMax.GetValueOrDefault(k)))))
                    .ToDictionary(p => p.Key, p => p.Value));
            Recommendation = Planner.Optimize(request);
            _spend = [.. Channels.Select(c => Recommendation.Allocation.Single(a => a.Channel == c.Channel).Recommended)];
            _split.Clear();
            foreach (var line in Recommendation.Allocation.Where(a => a.Recommended > 0))
            {
                _split[line.Channel] = line.Markets.ToDictionary(m => m.Market, m => m.Recommended / line.Recommended);
            }
        }
        catch (MetricsQueryException e)
        {
            (Recommendation, OptimizeError) = (null, e.Message);
        }

        Recompute();
    }

    /// <summary>The marginal ROI the optimiser equalised: that of markets with their own curves between their bounds (else of free channels).</summary>
    public static double FreeMarginal(OptimizeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var markets = result.Allocation.SelectMany(a => a.Markets).Where(m => m.OwnCurve && m.Binding is null && m.MarginalRoi is not null).Select(m => m.MarginalRoi!.Value).ToList();
        return markets.Count > 0 ? markets.Average()
            : result.Allocation.Where(a => a.Binding is null && a.MarginalRoi is not null).Select(a => a.MarginalRoi!.Value).DefaultIfEmpty(double.NaN).Average();
    }

    /// <summary>A change against the current plan, as a signed percentage; "—" where the plan has nothing.</summary>
    public string Change(double now, double before) => before != 0 ? Format.SignedPercent((now / before) - 1) : "—";

    /// <summary>The scenario's prediction and the curves with the current and scenario points, all from the planner.</summary>
    private void Recompute()
    {
        Result = Planner.Scenario(PlanInput(), Period);
        (Curves, CurveRows) = _curves.Draw();
    }
}
