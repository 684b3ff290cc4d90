using Dashboard.Application.Packs;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Dashboard.Exports.Delivery;

/// <summary>Hands a scheduled pack over: written to the configured folder, or e-mailed through the configured SMTP server.</summary>
public sealed class PackDelivery(DeliveryOptions options, string baseDirectory)
{
    /// <summary>The folder a user's packs are written to.</summary>
    public string FolderFor(string user) =>
        Path.Combine(Path.GetFullPath(options.Folder, baseDirectory), string.Concat(user.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_')));

    /// <summary>Writes the file (never over another: a second run the same day gets a numbered name); returns where.</summary>
    public async Task<string> ToFolderAsync(PackFile file, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var folder = FolderFor(user);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, file.FileName);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file.FileName)}-{n}{Path.GetExtension(file.FileName)}");
        }

        await File.WriteAllBytesAsync(path, file.Bytes, ct);
        return path;
    }

    /// <summary>Sends the file as an attachment; throws with the server's reason when it refuses.</summary>
    public async Task ByEmailAsync(PackFile file, string recipient, string subject, string body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var smtp = options.Smtp;
        if (!smtp.IsConfigured)
        {
            throw new InvalidOperationException("E-mail delivery needs Delivery:Smtp:Host and Delivery:Smtp:From in the configuration.");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        var parts = new BodyBuilder { TextBody = body };
        parts.Attachments.Add(file.FileName, file.Bytes, ContentType.Parse(file.ContentType));
        message.Body = parts.ToMessageBody();

        using var client = new SmtpClient();
        var security = smtp.Security switch
        {
            "none" => SecureSocketOptions.None,
            "ssl" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (smtp.User.Length > 0)
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
