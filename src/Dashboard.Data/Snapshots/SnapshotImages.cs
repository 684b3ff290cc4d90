using System.Data.Common;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Data.Snapshots;

/// <summary>
/// Reads and writes the stored snapshot image (table <c>snapshot_images</c>) in parts of at most
/// <see cref="PartBytes"/>, so no single value approaches a provider's size limit and no whole image is held twice.
/// </summary>
internal static class SnapshotImages
{
    public const int PartBytes = 8 << 20;

    /// <summary>The image of this data version and reference lists, or null when there is none (or it is incomplete).</summary>
    public static SnapshotColumns? TryRead(DbConnection connection, DbTransaction tx, long version, string referenceKey)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT part, part_count, bytes FROM snapshot_images WHERE data_version = @version AND reference_key = @key ORDER BY part";
        Parameter(cmd, "@version", version);
        Parameter(cmd, "@key", referenceKey);
        using var reader = cmd.ExecuteReader();
        using var parts = new PartsReadStream(reader);
        if (!parts.Start())
        {
            return null;
        }

        return SnapshotColumnsFormat.Read(parts);
    }

    /// <summary>Replaces the stored image with this snapshot's, in one transaction.</summary>
    public static long Write(DbConnection connection, long version, string referenceKey, SnapshotColumns columns, DateTime nowUtc)
    {
        using var tx = connection.BeginTransaction();
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = tx;
            delete.CommandText = "DELETE FROM snapshot_images";
            delete.ExecuteNonQuery();
        }

        var buffer = new MemoryStream();
        SnapshotColumnsFormat.Write(buffer, columns);
        var image = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var count = (int)((image.Length + PartBytes - 1) / PartBytes);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO snapshot_images (data_version, part, part_count, reference_key, bytes, created_utc) "
            + "VALUES (@version, @part, @count, @key, @bytes, @created)";
        Parameter(insert, "@version", version);
        var part = Parameter(insert, "@part", 0);
        Parameter(insert, "@count", count);
        Parameter(insert, "@key", referenceKey);
        var bytes = Parameter(insert, "@bytes", Array.Empty<byte>());
        Parameter(insert, "@created", nowUtc);
        try
        {
            for (var p = 0; p < count; p++)
            {
                part.Value = p;
                bytes.Value = image.Slice(p * PartBytes, Math.Min(PartBytes, image.Length - (p * PartBytes))).ToArray();
                insert.ExecuteNonQuery();
            }
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // Another instance on the same database stored the image of this same version first: theirs serves.
            tx.Rollback();
            return 0;
        }

        tx.Commit();
        return image.Length;
    }

    private static DbParameter Parameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
        return p;
    }

    /// <summary>The parts of one image as one stream; refuses a gap or a missing last part.</summary>
    private sealed class PartsReadStream(DbDataReader reader) : Stream
    {
        private Stream? _current;
        private int _expected;
        private int _count;

        /// <summary>Positions on the first part; false when the image does not exist.</summary>
        public bool Start() => Next();

        private bool Next()
        {
            _current?.Dispose();
            _current = null;
            if (!reader.Read())
            {
                if (_count != 0 && _expected != _count)
                {
                    throw new InvalidDataException($"the stored snapshot image has {_expected} of its {_count} parts");
                }

                return false;
            }

            var part = reader.GetInt32(0);
            _count = reader.GetInt32(1);
            if (part != _expected)
            {
                throw new InvalidDataException($"the stored snapshot image lacks part {_expected}");
            }

            _expected++;
            _current = reader.GetStream(2);
            return true;
        }

        public override int Read(Span<byte> buffer)
        {
            while (_current is not null)
            {
                var n = _current.Read(buffer);
                if (n > 0)
                {
                    return n;
                }

                Next();
            }

            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _current?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
