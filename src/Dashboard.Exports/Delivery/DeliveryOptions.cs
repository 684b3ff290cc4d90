
namespace Dashboard.Exports.Delivery;

/// <summary>Where scheduled packs go (configuration section "Delivery").</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>The folder packs delivered "to folder" are written to, a subfolder per user (relative to the app's folder).</summary>
    public string Folder { get; set; } = "data/packs";

    /// <summary>Seconds between two looks for scheduled packs that are due.</summary>
    public int CheckSeconds { get; set; } = 60;

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>What is wrong with these settings, one sentence each (empty when none).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Folder))
        {
            problems.Add("Delivery:Folder must name the folder packs are delivered to (for example data/packs).");
        }

        if (CheckSeconds is < 1 or > 86_400)
        {
            problems.Add(FormattableString.Invariant($"Delivery:CheckSeconds {CheckSeconds} is not between 1 and 86400."));
        }

        if (Smtp.Port is < 1 or > 65_535)
        {
            problems.Add(FormattableString.Invariant($"Delivery:Smtp:Port {Smtp.Port} is not a port (1 to 65535)."));
        }

        if (Smtp.Security is not ("none" or "starttls" or "ssl"))
        {
            problems.Add($"Delivery:Smtp:Security '{Smtp.Security}' is not none, starttls or ssl.");
        }

        // Half a server would silently drop every e-mail delivery: both or neither.
        if (Smtp.Host.Length > 0 != Smtp.From.Length > 0)
        {
            problems.Add(Smtp.Host.Length > 0
                ? $"Delivery:Smtp:Host is '{Smtp.Host}' but Delivery:Smtp:From is empty: set the sender address too."
                : $"Delivery:Smtp:From is '{Smtp.From}' but Delivery:Smtp:Host is empty: set the server too.");
        }

        if (Smtp.Password.Length > 0 && Smtp.User.Length == 0)
        {
            problems.Add("Delivery:Smtp:Password is set without Delivery:Smtp:User.");
        }

        return problems;
    }
}

/// <summary>The SMTP server packs delivered "by e-mail" are sent through; no host, no e-mail delivery.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>none | starttls | ssl.</summary>
    public string Security { get; set; } = "starttls";
    public string From { get; set; } = "";
    public string User { get; set; } = "";
    public string Password { get; set; } = "";

    public bool IsConfigured => Host.Length > 0 && From.Length > 0;
}
