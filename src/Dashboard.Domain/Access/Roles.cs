namespace Dashboard.Domain.Access;

/// <summary>The roles of PRODUCT.md: what a signed-in user may do and which markets they may see.</summary>
public static class Roles
{
    /// <summary>Users, API keys, definitions, imports; every market.</summary>
    public const string Admin = "admin";

    /// <summary>Every market, every page, exports.</summary>
    public const string Director = "director";

    /// <summary>The markets or regions granted to the user.</summary>
    public const string Regional = "regional";

    /// <summary>Read-only: the granted markets (or every market when granted all), no exports.</summary>
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Director, Regional, Viewer];

    /// <summary>Roles that may download files (viewers read on screen only).</summary>
    public static IReadOnlyList<string> Exporters { get; } = [Admin, Director, Regional];

    /// <summary>Roles that see every market whatever their grants.</summary>
    public static bool SeesAllMarkets(string role) => role is Admin or Director;
}
