using System.ComponentModel.DataAnnotations;
using Fulfilment.Configuration;
using Microsoft.Extensions.Configuration;

namespace Fulfilment.Functions.Hosting;

/// <summary>
/// Where the app's two client connections point, read at start so that a missing one stops the app at once rather than
/// failing its first message: each is a connection string (locally) or an identity-based endpoint (in Azure). Never
/// logged: a connection string may hold a key.
/// </summary>
public sealed class ClientConnectionOptions
{
    [Required(ErrorMessage = "Set ServiceBus (a connection string) or ServiceBus__fullyQualifiedNamespace.")]
    public string? ServiceBus { get; set; }

    [Required(ErrorMessage = "Set Tables (a connection string) or Tables__endpoint.")]
    public string? Tables { get; set; }

    internal void ReadFrom(IConfiguration configuration)
    {
        ServiceBus = Connection(configuration, AppSettings.ServiceBusConnection);
        Tables = Connection(configuration, AppSettings.TablesConnection);
    }

    /// <summary>The connection string, or else the identity-based endpoint the catalogue names for the connection.</summary>
    private static string? Connection(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection(name);
        var endpoint = AppSettings.Host.Single(s => s.Name == name).IdentityEndpoint!;
        return NonBlank(section.Value) ?? NonBlank(section[endpoint]);
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
