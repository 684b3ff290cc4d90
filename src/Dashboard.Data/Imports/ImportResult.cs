namespace Dashboard.Data.Imports;

/// <summary>One problem with an input file; line 1 is the header.</summary>
public sealed record ImportError(long Line, string Column, string Value, string Message)
{
    public override string ToString() =>
        Column.Length == 0
            ? FormattableString.Invariant($"line {Line}: {Message}")
            : FormattableString.Invariant($"line {Line}, column {Column}: {Message} (value '{Value}')");
}

/// <summary>The outcome of one file: stored whole (<see cref="Stored"/>) or not at all, with every reason.</summary>
public sealed record ImportResult(
    string Kind,
    string FileName,
    int? ImportId,
    bool Stored,
    long RowsRead,
    long Inserted,
    long Replaced,
    long ErasedJourneys,
    IReadOnlyList<ImportError> Errors,
    int TotalErrors,
    TimeSpan Duration)
{
    public string Summary => Stored
        ? FormattableString.Invariant($"{Kind} from {FileName}: {RowsRead} rows read, {Inserted} inserted, {Replaced} replaced")
            + (ErasedJourneys > 0 ? FormattableString.Invariant($", {ErasedJourneys} journeys erased (consent withdrawn)") : "")
            + FormattableString.Invariant($" (import {ImportId})")
        : FormattableString.Invariant($"{Kind} from {FileName}: nothing stored, {TotalErrors} error(s)")
            + (TotalErrors > Errors.Count ? FormattableString.Invariant($" (first {Errors.Count} listed)") : "");
}
