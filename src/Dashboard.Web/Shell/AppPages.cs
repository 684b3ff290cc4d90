using MudBlazor;

namespace Dashboard.Web.Shell;

/// <param name="Roles">Comma-separated roles that may open the page; null = every signed-in user.</param>
public sealed record AppPage(string Title, string Href, string Icon, string? Roles = null);

/// <summary>Every page of the product (PRODUCT.md §5), in navigation order: one list for the menu and the tests.</summary>
public static class AppPages
{
    public static IReadOnlyList<AppPage> Dashboards { get; } =
    [
        new("Overview", "", Icons.Material.Filled.Dashboard),
        new("Trends", "trends", Icons.Material.Filled.ShowChart),
        new("Regional benchmarks", "benchmarks", Icons.Material.Filled.Public),
        new("Channel effectiveness", "channels", Icons.Material.Filled.Campaign),
        new("Attribution models", "attribution", Icons.Material.Filled.AccountTree),
        new("Micro-conversion value", "value", Icons.Material.Filled.Paid),
        new("Funnel and intent", "funnel", Icons.Material.Filled.FilterAlt),
        new("Budget scenarios", "scenarios", Icons.Material.Filled.Tune),
        new("Experiments", "experiments", Icons.Material.Filled.Science),
        new("Scheduled packs", "exports/schedules", Icons.Material.Filled.ScheduleSend, string.Join(',', Domain.Access.Roles.Exporters)),
    ];

    public static IReadOnlyList<AppPage> Data { get; } =
    [
        new("Import", "data/imports", Icons.Material.Filled.UploadFile, Domain.Access.Roles.Admin),
        new("Data quality", "data/quality", Icons.Material.Filled.FactCheck, $"{Domain.Access.Roles.Admin},{Domain.Access.Roles.Director}"),
        new("Definitions", "data/definitions", Icons.Material.Filled.MenuBook, Domain.Access.Roles.Admin),
        new("Erasure", "data/erasure", Icons.Material.Filled.PersonRemove, Domain.Access.Roles.Admin),
        new("Users", "admin/users", Icons.Material.Filled.People, Domain.Access.Roles.Admin),
        new("API keys", "admin/api-keys", Icons.Material.Filled.Key, Domain.Access.Roles.Admin),
        new("Audit log", "admin/audit", Icons.Material.Filled.History, Domain.Access.Roles.Admin),
    ];

    public static IEnumerable<AppPage> All => Dashboards.Concat(Data);
}
