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

    public static AccessScope Only(IEnumerable<string> marketCodes) =>
        new(new HashSet<string>(marketCodes ?? throw new ArgumentNullException(nameof(marketCodes)), StringComparer.OrdinalIgnoreCase));

    public bool Allows(string marketCode) => Markets is null || Markets.Contains(marketCode);
}
