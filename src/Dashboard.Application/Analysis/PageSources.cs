using System.Security.Claims;
using Dashboard.Application.Preferences;
using Dashboard.Metrics.Query;

namespace Dashboard.Application.Analysis;

/// <summary>The current snapshot and everything that answers questions on it (the store in the app; a fixed one in a test).</summary>
public interface IAnalysisSource
{
    ValueTask<SnapshotAnalysis> GetAnalysisAsync(CancellationToken ct = default);
}

/// <summary>Who is looking: the markets they may see and how they want figures shown, resolved on the server.</summary>
public interface IViewer
{
    Task<AccessScope> ScopeAsync();

    Task<DisplayPreferences> PreferencesAsync();

    /// <summary>How the audit log and the import history name them (<see cref="Actors"/>).</summary>
    Task<string> ActorAsync();
}

/// <summary>The signed-in user as the host knows them (a circuit's authentication state, a request's principal).</summary>
public interface ICurrentUser
{
    Task<ClaimsPrincipal> GetAsync();
}

public static class CurrentUserIds
{
    /// <summary>The signed-in user's id; null when no one is signed in.</summary>
    public static async Task<string?> IdAsync(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var principal = await user.GetAsync();
        return principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }
}
