using System.Security.Claims;

namespace Dashboard.Application.Analysis;

/// <summary>How a user is named in the audit log and on imports: their e-mail (an API key its name), else their id.</summary>
public static class Actors
{
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
    }
}
