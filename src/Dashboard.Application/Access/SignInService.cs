using Dashboard.Data;
using Dashboard.Data.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Access;

/// <summary>How a password sign-in ended, as the host's identity system reports it.</summary>
public enum SignInOutcome
{
    Succeeded,
    LockedOut,
    NotAllowed,
    Failed,
}

/// <summary>The host's password check and cookie (ASP.NET Core Identity in the app).</summary>
public interface IPasswordSignIn
{
    Task<SignInOutcome> SignInAsync(string email, string password, bool remember);
}

/// <summary>
/// A password sign-in as the sign-in page runs it: every attempt is in the audit log (signed in, failed, locked out),
/// and a refusal is said in words that never confirm who has an account.
/// </summary>
public sealed class SignInService(IPasswordSignIn identity, IDbContextFactory<DashboardDbContext> contexts, TimeProvider time)
{
    /// <returns>Null when signed in, else what to tell the person.</returns>
    public async Task<string?> SignInAsync(string email, string password, bool remember, CancellationToken ct = default)
    {
        var outcome = await identity.SignInAsync(email, password, remember);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var action = outcome switch
            {
                SignInOutcome.Succeeded => AuditLog.SignIn,
                SignInOutcome.LockedOut => AuditLog.LockedOut,
                _ => AuditLog.SignInFailed,
            };
            await AuditLog.WriteAsync(db, time, email, action, ct: ct);
        }

        return Message(outcome);
    }

    /// <summary>Where to go after signing in: only a path of this site; an absolute or protocol-relative address would be an open redirect.</summary>
    public static string SafeReturnUrl(string? url) =>
        string.IsNullOrEmpty(url) || !url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal)
            ? "/"
            : url;

    /// <summary>The same words for a wrong e-mail and a wrong password: the page must not confirm who has an account.</summary>
    public static string? Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Succeeded => null,
        SignInOutcome.LockedOut => "Too many failed attempts: this account is locked for 15 minutes.",
        SignInOutcome.NotAllowed => "This account may not sign in yet.",
        _ => "The e-mail or the password is not right.",
    };
}
