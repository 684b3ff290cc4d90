using Dashboard.Data;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Configuration;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? ValidateOptionsResult.Fail("Database:Provider is Postgres: set Database:ConnectionString (Host=…;Database=…;Username=…;Password=…).")
                : ValidateOptionsResult.Success;
        }

        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Database:Provider '{options.Provider}' is not supported; use 'Sqlite' or 'Postgres'.");
        }

        return string.IsNullOrWhiteSpace(options.SqlitePath)
            ? ValidateOptionsResult.Fail("Database:SqlitePath must name the SQLite file (for example data/dashboard.db).")
            : ValidateOptionsResult.Success;
    }
}
