using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.Architecture;

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
        "Definitions", "ImportUpload", "Imports", "SchedulesPage",
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

    /// <summary>
    /// What a component may name: the application layer, the domain, the web host's own helpers (followed: a helper
    /// that reaches data counts against the component using it), the query's vocabulary (periods, scopes, measures)
    /// and the values a view model hands over (records and enums of any layer: shown, not computed). Not a service,
    /// store or context of the data layer, the models or the engine.
    /// </summary>
    private static bool Forbidden(Type type) => type.Assembly.GetName().Name switch
    {
        _ when IsValue(type) => false,
        "Dashboard.Data" or "Dashboard.Attribution" => true,
        "Dashboard.Metrics" => type.Namespace is not ("Dashboard.Metrics.Time" or "Dashboard.Metrics.Query" or "Dashboard.Metrics.Catalogue"),
        "Microsoft.EntityFrameworkCore" or "Microsoft.EntityFrameworkCore.Relational" => true,
        _ => false,
    };

    /// <summary>A record (the compiler gives every record, class or struct, a PrintMembers method) or an enum.</summary>
    private static bool IsValue(Type type) =>
        type.IsEnum || type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, [typeof(System.Text.StringBuilder)]) is not null;

    /// <summary>Components that still name a service of the data layer, the models or the engine (directly or through a web helper): to be moved.</summary>
    private static readonly string[] StillReaching =
    [
        "Definitions", "ImportPreviewPanel", "ImportUpload", "Imports", "SchedulesPage",
    ];

    [Fact]
    public void Components_name_only_the_application_layer()
    {
        var reaching = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in Web.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsNested))
        {
            var seen = new HashSet<Type>();
            var queue = new Queue<Type>([component]);
            var named = new SortedSet<string>(StringComparer.Ordinal);
            while (queue.TryDequeue(out var type))
            {
                if (!seen.Add(type)) continue;
                foreach (var r in TypeReferences.Of(type))
                {
                    if (Forbidden(r)) named.Add(r.Name);
                    // Follow the host's own helpers, not other components (each is checked on its own).
                    else if (r.Assembly == Web && !typeof(IComponent).IsAssignableFrom(r) && r.Name != "Program") queue.Enqueue(r);
                }
            }
            if (named.Count > 0) reaching[component.Name] = string.Join(" ", named);
        }
        Assert.True(StillReaching.SequenceEqual(reaching.Keys), "components naming the data layer, models or engine:\n" + string.Join("\n", reaching.Select(kv => kv.Key + ": " + kv.Value)));
    }
}
