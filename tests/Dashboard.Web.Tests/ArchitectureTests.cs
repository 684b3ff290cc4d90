using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests;

/// <summary>
/// The arrows of README's layout, kept true: the engine and models reference no EF, ASP.NET or MudBlazor; the data
/// layer neither the demo generator nor the models; the application layer no exports, web or Blazor component library;
/// and components reach data only through the application layer. Components not yet moved are listed by name: the
/// lists may only shrink (a moved component must leave them, a new one cannot join).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Web = typeof(Dashboard.Web.Shell.AppPages).Assembly;

    private static string[] References(string assembly) =>
        [.. Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Dashboard.", StringComparison.Ordinal) || n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("MudBlazor", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Dashboard.Domain")]
    [InlineData("Dashboard.Metrics", "Dashboard.Domain")]
    [InlineData("Dashboard.Attribution", "Dashboard.Domain", "Dashboard.Metrics")]
    [InlineData("Dashboard.DemoData", "Dashboard.Domain")]
    public void The_core_references_only_what_is_inward(string assembly, params string[] allowed) =>
        Assert.All(References(assembly), r => Assert.Contains(r, allowed));

    [Fact]
    public void The_data_layer_knows_neither_the_demo_generator_nor_the_models()
    {
        var references = References("Dashboard.Data");
        Assert.DoesNotContain("Dashboard.DemoData", references);
        Assert.DoesNotContain("Dashboard.Attribution", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Dashboard.Application", StringComparison.Ordinal) || r.StartsWith("Dashboard.Web", StringComparison.Ordinal));
    }

    [Fact]
    public void The_application_layer_knows_no_exports_host_or_component_library()
    {
        var references = References("Dashboard.Application");
        Assert.DoesNotContain(references, r => r is "Dashboard.Exports" or "Dashboard.Web" or "Dashboard.Cli" or "Dashboard.DemoSeeding" or "Dashboard.DemoData");
        Assert.DoesNotContain(references, r => r.StartsWith("MudBlazor", StringComparison.Ordinal));
    }

    /// <summary>Components that still inject a data-layer service (a DbContext factory, a store of Dashboard.Data): to be moved.</summary>
    private static readonly string[] NotYetMoved =
    [
        "ApiKeysPage", "ChartPanel", "Definitions", "ImportUpload", "Imports", "SavedScenariosPanel",
        "SavedViewsMenu", "SchedulesPage", "SignIn", "Users",
    ];

    [Fact]
    public void Components_inject_only_application_services()
    {
        var data = typeof(Dashboard.Data.DashboardDbContext).Assembly;
        var offenders = Web.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null)
                .Any(p => p.PropertyType.Assembly == data || (p.PropertyType.IsGenericType && p.PropertyType.GetGenericArguments().Any(a => a.Assembly == data))
                    // A service locator would hide what the component reaches.
                    || p.PropertyType == typeof(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory) || p.PropertyType == typeof(IServiceProvider)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(NotYetMoved.SequenceEqual(offenders), "components injecting data-layer services: " + string.Join(", ", offenders));
    }
}
