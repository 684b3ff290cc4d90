using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>
/// A context's connection for hand-written SQL, opened if it was closed and closed again on dispose only then, so
/// the caller's own open connection (and its transaction) is left as it was.
/// </summary>
public sealed class OpenConnection : IAsyncDisposable
{
    private readonly bool _opened;

    private OpenConnection(DbConnection connection, bool opened)
    {
        Connection = connection;
        _opened = opened;
    }

    public DbConnection Connection { get; }

    public static async Task<OpenConnection> OfAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        return new OpenConnection(connection, opened);
    }

    public async ValueTask DisposeAsync()
    {
        if (_opened)
        {
            await Connection.CloseAsync();
        }
    }
}
