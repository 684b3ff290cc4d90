namespace Dashboard.Metrics.Query;

/// <summary>
/// The markets the asking user may see. Every query carries one and the engine applies it itself, so no page,
/// export or endpoint can forget it. <see cref="All"/> is for directors, admins and the command line.
/// </summary>
public sealed class AccessScope
{
    private AccessScope(IReadOnlySet<string>? markets) => Markets = markets;

    /// <summary>The visible market codes, or null for every market.</summary>
    public IReadOnlySet<string>? Markets { get; }

    public static AccessScope All { get; } = new(null);

    /// <summary>
    /// An aggregate that includes markets outside the scope may be shown only when it pools at least this many of
    /// them (or none), so no single hidden market can be worked out by subtraction (METRICS.md "Access").
    /// </summary>
    public const int MinimumPooledHiddenMarkets = 3;

    public static AccessScope Only(IEnumerable<string> marketCodes) =>
        new(new HashSet<string>(marketCodes ?? throw new ArgumentNullException(nameof(marketCodes)), StringComparer.OrdinalIgnoreCase));

    public bool Allows(string marketCode) => Markets is null || Markets.Contains(marketCode);
}
