namespace Dashboard.Reports.Schedules;

/// <summary>Where scheduled packs go (configuration section "Delivery").</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>The folder packs delivered "to folder" are written to, a subfolder per user (relative to the app's folder).</summary>
    public string Folder { get; set; } = "data/packs";

    public SmtpOptions Smtp { get; set; } = new();
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
