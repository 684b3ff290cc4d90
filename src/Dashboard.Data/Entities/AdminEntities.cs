namespace Dashboard.Data.Entities;

/// <summary>One import attempt: who, when, what, and how it ended (DATA.md: every import is recorded).</summary>
public sealed class ImportRecord
{
    public int Id { get; set; }
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public string User { get; set; } = "";
    public DateTime StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }

    /// <summary>running, succeeded, failed, rolled_back.</summary>
    public string Outcome { get; set; } = "";
    public long RowsRead { get; set; }
    public long Inserted { get; set; }
    public long Replaced { get; set; }

    /// <summary>Journeys erased because a row withdrew consent.</summary>
    public long Erased { get; set; }
    public int ErrorCount { get; set; }
    public DateTime? RolledBackUtc { get; set; }

    /// <summary>cli, browser or api.</summary>
    public string Via { get; set; } = "";

    /// <summary>The source template whose mapping read the file; empty for a standard file.</summary>
    public string Template { get; set; } = "";
}

/// <summary>One error of a failed import (line, column, value, reason), kept for its error report.</summary>
public sealed class ImportErrorRow
{
    public long Id { get; set; }
    public int ImportId { get; set; }
    public long Line { get; set; }
    public string Column { get; set; } = "";
    public string Value { get; set; } = "";
    public string Message { get; set; } = "";
}

/// <summary>
/// A named mapping of one source's export onto a standard kind ("Loyalty CRM export", "POS scan feed"), reused by
/// uploads, the HTTP API and the command line.
/// </summary>
public sealed class SourceTemplate
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";

    /// <summary><c>ColumnMapping</c> as JSON: source column → standard column, and ignored columns.</summary>
    public string MappingJson { get; set; } = "";
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// A budget scenario someone named: its period and spend per day by channel, in USD so it reads the same in any
/// reporting currency. Shared with everyone planning on the same markets (the scope's key).
/// </summary>
public sealed class SavedScenario
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string AuthorEmail { get; set; } = "";

    /// <summary>"*" for all markets, else the market codes in order, comma separated.</summary>
    public string Scope { get; set; } = "";

    /// <summary>next_month, next_quarter or YYYY-MM-DD..YYYY-MM-DD.</summary>
    public string Period { get; set; } = "";

    /// <summary>"channel=usd_per_day,…" (invariant culture).</summary>
    public string SpendUsd { get; set; } = "";
    public DateTime SavedUtc { get; set; }
}

/// <summary>
/// One part of the stored binary image of the engine's snapshot (<c>SnapshotColumnsFormat</c>), written after the
/// snapshot of a data version was built from the fact rows, so the next start or instance reads columns instead of
/// re-parsing every row. Only the image of one data version is kept.
/// </summary>
public sealed class SnapshotImagePart
{
    /// <summary>The data version the image was built from (imports and rollbacks change it).</summary>
    public long DataVersion { get; set; }

    /// <summary>Fingerprint of the reference lists the image's codes point into; a different one makes it stale.</summary>
    public string ReferenceKey { get; set; } = "";
    public int Part { get; set; }
    public int PartCount { get; set; }
    public byte[] Bytes { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
}

/// <summary>One thing that happened to access or to the data (who, when, what), for admins (issue: audit log).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime Utc { get; set; }

    /// <summary>Who did it: a user's e-mail, "command line", or the e-mail tried at a failed sign-in.</summary>
    public string Actor { get; set; } = "";

    /// <summary>sign_in, sign_in_failed, locked_out, sign_out, user_created, user_changed, user_unlocked, …</summary>
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public string Details { get; set; } = "";
}

/// <summary>
/// A key for the HTTP API with a role and market grants of its own, like a user's. Only a hash of the key is stored;
/// the key itself is shown once, when it is created.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The key's first characters, stored in clear to find it (and to tell keys apart in lists).</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole key, hex.</summary>
    public string Hash { get; set; } = "";
    public string Role { get; set; } = "";

    /// <summary>Grants as "market:DE,region:emea".</summary>
    public string Grants { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedUtc { get; set; }

    /// <summary>May load data (POST /api/imports) for the markets of its grants.</summary>
    public bool CanImport { get; set; }
}

/// <summary>A dashboard view a user named: the page and its query string (filters, measure, model), to reopen or share.</summary>
public sealed class SavedView
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The page's path ("", "trends", "channels", ...).</summary>
    public string Page { get; set; } = "";

    /// <summary>The view's query string, without "?".</summary>
    public string Query { get; set; } = "";
    public DateTime SavedUtc { get; set; }
}

/// <summary>
/// A change to the data that is not an import: an erasure (fact rows deleted) or an edit of the definitions and
/// aliases (what the rows mean). Each makes every instance reload its snapshot; the summary holds no personal data.
/// </summary>
public sealed class DataChange
{
    public const string Erasure = "erasure";
    public const string Definitions = "definitions";
    public const string Calibrations = "calibrations";

    public long Id { get; set; }
    public DateTime Utc { get; set; }
    public string Kind { get; set; } = "";
    public string Actor { get; set; } = "";
    public string Summary { get; set; } = "";
}

/// <summary>
/// A business review pack a user asked for on a cadence: their saved view (page and query, copied when scheduled, so
/// the schedule keeps working if the view is later renamed or deleted), the charts, the format, and where it goes.
/// </summary>
public sealed class PackSchedule
{
    public const string Monthly = "monthly";
    public const string Quarterly = "quarterly";
    public const string ToFolder = "folder";
    public const string ByEmail = "email";

    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string ViewName { get; set; } = "";
    public string Page { get; set; } = "";
    public string Query { get; set; } = "";

    /// <summary>"page/chart" keys, comma separated.</summary>
    public string Charts { get; set; } = "";
    public string Cadence { get; set; } = Monthly;

    /// <summary>"pptx" or "pdf".</summary>
    public string Format { get; set; } = "pptx";
    public string Delivery { get; set; } = ToFolder;

    /// <summary>The e-mail address for <see cref="ByEmail"/>.</summary>
    public string Recipient { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime NextRunUtc { get; set; }
    public DateTime? LastRunUtc { get; set; }

    /// <summary>What the last run did: the file delivered, or why it failed.</summary>
    public string LastOutcome { get; set; } = "";
}

/// <summary>
/// A read-out geo test stored to calibrate its channel's curve (METRICS.md): what it measured when it was stored (USD,
/// 90% interval) and the spend change it made, so later imports do not move a calibration silently. One per test.
/// </summary>
public sealed class LiftCalibrationRow
{
    public int Id { get; set; }
    public string Test { get; set; } = "";
    public string Channel { get; set; } = "";
    public double IncrementalUsd { get; set; }
    public double LowUsd { get; set; }
    public double HighUsd { get; set; }

    /// <summary>The test markets' spend as a multiple of what they would have spent (1.6 for +60%, 0 for dark).</summary>
    public double SpendChange { get; set; }

    /// <summary>True when an admin stated the spend change; false when it was read from the data.</summary>
    public bool SpendChangeStated { get; set; }

    public DateTime CreatedUtc { get; set; }
    public string Actor { get; set; } = "";
}
