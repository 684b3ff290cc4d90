using Dashboard.Attribution.Valuation;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Planning;

/// <summary>Fits the response model for a scope and wraps it in a planner for a reporting currency.</summary>
public static class PlannerFactory
{
    /// <param name="valuation">The scope's valuation when the caller has it (a page caches one); fitted here otherwise.</param>
    /// <exception cref="MetricsQueryException">No data, or a currency without rates.</exception>
    public static BudgetPlanner Create(FactSnapshot snapshot, AccessScope scope, string currency, ValuationResult? valuation = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var model = ResponseModel.Fit(snapshot, scope, valuation ?? ValuationModel.Run(snapshot, new ValuationQuery { Scope = scope }));
        return For(model, snapshot.Fx, currency);
    }

    /// <summary>A planner on an already fitted model, in a reporting currency at the rate of the data's last month.</summary>
    public static BudgetPlanner For(ResponseModel model, FxRates fx, string currency)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fx);
        var rate = fx.Resolve(currency.ToUpperInvariant(), FxRates.MonthIndex(model.LastDay));
        return rate.Source == FxRateSource.Missing
            ? throw new MetricsQueryException($"'{currency}' has no exchange rates: pick a currency with rates")
            : new BudgetPlanner(model, currency, rate.UsdPerUnit);
    }
}
