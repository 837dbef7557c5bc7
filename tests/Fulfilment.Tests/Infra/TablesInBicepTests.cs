using System.Reflection;
using Fulfilment.Configuration;
using Fulfilment.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfilment.Tests.Infra;

/// <summary>
/// The tables main.bicep creates are exactly those the core registers: every public static
/// <c>Add*(IServiceCollection, IConfiguration)</c> registration of the core is run, and the
/// <see cref="TableRegistration"/>s it adds are collected.
/// </summary>
public sealed class TablesInBicepTests
{
    [Fact]
    public async Task Tables_InBicep_AreTheTablesTheCoreRegisters()
    {
        var registered = RegisteredTables();
        var template = await BicepBuilds.MainTemplateAsync();

        var inBicep = template.ModuleStrings("storage", "tableNames");

        Assert.Equal(registered.Order(StringComparer.Ordinal), inBicep.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tables_InBicep_HaveValidAzureNames()
    {
        var template = await BicepBuilds.MainTemplateAsync();

        var invalid = template.ModuleStrings("storage", "tableNames").Where(n => !TableNames.ValidName().IsMatch(n));

        Assert.Empty(invalid);
    }

    private static IReadOnlyList<string> RegisteredTables()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        foreach (var registration in Registrations())
        {
            registration.Invoke(null, [services, configuration]);
        }

        return [.. services.Select(d => d.ImplementationInstance).OfType<TableRegistration>().Select(r => r.BaseName).Distinct()];
    }

    /// <summary>The core's service registrations: public static Add*(this IServiceCollection, IConfiguration).</summary>
    private static IEnumerable<MethodInfo> Registrations() =>
        typeof(AppSettings).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal)
                && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(IServiceCollection), typeof(IConfiguration)]));
}
