using System.Collections.Concurrent;
using System.Security.Cryptography;
using Dashboard.Data.Imports.Sources;

namespace Dashboard.Application.Imports;

/// <summary>A file received and spooled to disk, waiting for its preview and import.</summary>
public sealed record UploadedFile(string Id, string Path, string FileName, long Size, FileFormat Format, string Owner);

public sealed class UploadTooLargeException(long limit) : Exception($"the file is larger than the upload limit of {Describe(limit)}")
{
    public long Limit { get; } = limit;

    public static string Describe(long bytes) => bytes >= 1 << 20
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.#} MB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}

/// <summary>
/// Spools uploads to files under one directory, streamed in 64 KB pieces (never whole in memory), so the preview,
/// the mapping and the import can read them as often as needed and an XLSX workbook can be opened (it needs to seek).
/// An upload belongs to who sent it; files older than a day are removed.
/// </summary>
public sealed class UploadStore
{
    private readonly ConcurrentDictionary<string, UploadedFile> _files = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <param name="directory">Where uploads are spooled (the host resolves <c>Imports:UploadDirectory</c>; null for the temp folder).</param>
    /// <param name="maxBytes">The size limit of one file (<c>Limits:MaxRequestBodyBytes</c>).</param>
    public UploadStore(string? directory, long maxBytes, TimeProvider time)
    {
        _time = time;
        Directory = directory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dashboard-uploads");
        MaxBytes = maxBytes;
        System.IO.Directory.CreateDirectory(Directory);
        RemoveOlderThan(TimeSpan.FromDays(1));
    }

    public const long DefaultMaxBytes = 200L * 1024 * 1024;

    public string Directory { get; }

    /// <summary>The size limit of one file (<c>Limits:MaxRequestBodyBytes</c>, 200 MB by default).</summary>
    public long MaxBytes { get; }

    public async Task<UploadedFile> SaveAsync(Stream body, string fileName, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = System.IO.Path.Combine(Directory, id + ".upload");
        var buffer = new byte[1 << 16];
        long size = 0;
        var head = new byte[4];
        var headLength = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > MaxBytes)
                {
                    throw new UploadTooLargeException(MaxBytes);
                }

                for (var i = 0; i < read && headLength < head.Length; i++)
                {
                    head[headLength++] = buffer[i];
                }

                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var name = System.IO.Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : fileName.Trim());
        var upload = new UploadedFile(id, path, name, size, RecordSource.Detect(name, head.AsSpan(0, headLength)), owner);
        _files[id] = upload;
        return upload;
    }

    /// <summary>The upload with that id, if it is the owner's.</summary>
    public UploadedFile? Find(string id, string owner) =>
        _files.TryGetValue(id, out var file) && file.Owner == owner && File.Exists(file.Path) ? file : null;

    public void Delete(string id)
    {
        if (_files.TryRemove(id, out var file))
        {
            File.Delete(file.Path);
        }
    }

    private void RemoveOlderThan(TimeSpan age)
    {
        var cutoff = _time.GetUtcNow().UtcDateTime - age;
        foreach (var stale in new DirectoryInfo(Directory).EnumerateFiles("*.upload").Where(f => f.LastWriteTimeUtc < cutoff))
        {
            stale.Delete();
        }
    }
}
