namespace Dashboard.Data.Imports;

/// <summary>Collects every error of a file; keeps the first <see cref="MaxListed"/> in full and counts the rest.</summary>
internal sealed class ErrorSink
{
    /// <summary>Enough for any human to read and for a report file; the total is always exact.</summary>
    public const int MaxListed = 10_000;

    private readonly List<ImportError> _errors = [];

    public int Total { get; private set; }

    public IReadOnlyList<ImportError> Listed => _errors;

    public void Add(long line, string column, string value, string message)
    {
        Total++;
        if (_errors.Count < MaxListed)
        {
            _errors.Add(new ImportError(line, column, value, message));
        }
    }
}
