using System.Reflection;
using Dashboard.Data;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.Architecture;

/// <summary>
/// The arrows of README's layout, kept true: the engine and models reference no EF, ASP.NET or MudBlazor; the data
/// layer neither the demo generator nor the models; the application layer no exports, web or Blazor component library;
/// and components reach data, models and the engine only through the application layer (what they inject, and every
/// type their compiled code names).
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

        Assert.True(offenders.Count == 0, "components injecting data-layer services: " + string.Join(", ", offenders));
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

    /// <summary>The forbidden types a component names, itself or through the host's helpers it uses.</summary>
    private static SortedSet<string> Reached(Type component)
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

        return named;
    }

    [Fact]
    public void Components_name_only_the_application_layer()
    {
        var reaching = Web.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsNested)
            .Select(c => (c.Name, Named: Reached(c))).Where(c => c.Named.Count > 0).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        Assert.True(reaching.Count == 0, "components naming the data layer, models or engine:\n" + string.Join("\n", reaching.Select(c => c.Name + ": " + string.Join(" ", c.Named))));
    }

    [Fact]
    public void The_check_sees_a_query_inside_a_lambda_of_an_async_method_and_lets_a_result_record_through()
    {
        var named = Reached(typeof(Reaching));

        Assert.Contains(nameof(DashboardDbContext), named);
        Assert.Contains(nameof(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions), named);
        Assert.Contains(nameof(Dashboard.Data.Access.SavedScenarios), named);
        // A record handed over by a view model is shown, not computed.
        Assert.DoesNotContain(nameof(Dashboard.Data.Access.SavedScenarioLine), named);
    }

    /// <summary>
    /// A component's markup and code-behind together stay small: moving code into a code-behind file is not the point,
    /// moving rules into a view model is.
    /// </summary>
    [Fact]
    public void Every_component_stays_under_250_lines()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Dashboard.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var components = Directory.GetFiles(Path.Combine(root.FullName, "src", "Dashboard.Web", "Components"), "*.razor", SearchOption.AllDirectories);
        Assert.NotEmpty(components);
        var tooLong = components
            .Select(f => (File: Path.GetFileName(f), Lines: File.ReadLines(f).Count() + (File.Exists(f + ".cs") ? File.ReadLines(f + ".cs").Count() : 0)))
            .Where(c => c.Lines >= 250).ToList();
        Assert.True(tooLong.Count == 0, string.Join(", ", tooLong.Select(c => $"{c.File}: {c.Lines} lines")));
    }

    /// <summary>A component written the way the check forbids, hidden in a lambda and an async state machine.</summary>
    private sealed class Reaching : ComponentBase
    {
        public static async Task<int> CountAsync(Func<DashboardDbContext> open)
        {
            await using var db = open();
            var lines = await Dashboard.Data.Access.SavedScenarios.ListAsync(db, "*");
            Func<Task<int>> count = () => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Markets);
            return await count() + lines.Count;
        }
    }
}
