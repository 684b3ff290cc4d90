using Dashboard.Web.Components;
using Dashboard.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseDashboard<App>();
await app.RunAsync();

/// <summary>Entry point; public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
