using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.BrowserBenchmarks;

/// <summary>
/// Serves the peer's static pages on 127.0.0.1 at another port than the app: the same site, so the browser's caches
/// for plotly.js are shared, and no request interception (Playwright's routing turns the browser cache off). The map's
/// topology is served here too: plotly.js fetches it, and a fetch from the app's port would be cross-origin.
/// </summary>
internal sealed class PeerServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, (string ContentType, byte[] Body)> _files = new(StringComparer.Ordinal);

    public PeerServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Root = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Root.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Root { get; }

    /// <summary>Publishes <paramref name="html"/> under <paramref name="name"/> and returns its address.</summary>
    public string Publish(string name, string html) => Publish(name, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));

    public string Publish(string name, string contentType, byte[] body)
    {
        _files[name] = (contentType, body);
        return new Uri(Root, name).ToString();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var found = _files.TryGetValue(context.Request.Url!.AbsolutePath.TrimStart('/'), out var file);
            var body = found ? file.Body : Encoding.UTF8.GetBytes("not found");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = found ? file.ContentType : "text/plain";
            context.Response.Headers["Cache-Control"] = "no-store";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
