using System.Text;
using System.Text.Json;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>
/// <c>X-MS-CLIENT-PRINCIPAL</c> headers as App Service authentication passes them for an Entra ID caller: base64 of
/// <c>{"auth_typ":"aad","name_typ":…,"role_typ":…,"claims":[{"typ","val"}]}</c>, claim types after the platform's
/// mapping (the object id as <c>http://schemas.microsoft.com/identity/claims/objectidentifier</c>, app roles as
/// <c>roles</c>), and a display name that is not the id.
/// </summary>
public static class Principals
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string PickerRole = "Warehouse.Picker";
    public const string SupervisorRole = "Warehouse.Supervisor";

    /// <summary>Object ids of three people in the tenant.</summary>
    public const string Alice = "0b0a7f3e-51c4-4a8e-9f61-2d1c3e4b5a60";
    public const string Bob = "1c1b8e4f-62d5-4b9f-8a72-3e2d4f5c6b71";
    public const string Carol = "2d2c9f50-73e6-4ca0-9b83-4f3e5a6d7c82";

    /// <summary>Alice, a picker.</summary>
    public static IDictionary<string, string> AlicePicking => As(Alice, PickerRole);

    /// <summary>Bob, another picker.</summary>
    public static IDictionary<string, string> BobPicking => As(Bob, PickerRole);

    /// <summary>Carol, a supervisor.</summary>
    public static IDictionary<string, string> CarolSupervising => As(Carol, SupervisorRole);

    /// <summary>The headers of a request from <paramref name="objectId"/> holding <paramref name="roles"/>.</summary>
    public static IDictionary<string, string> As(string objectId, params string[] roles) =>
        new Dictionary<string, string> { [Header] = Encode(objectId, roles) };

    /// <summary>The header's value for <paramref name="objectId"/> holding <paramref name="roles"/>.</summary>
    public static string Encode(string objectId, params string[] roles)
    {
        var claims = new List<object>
        {
            new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId },
            new { typ = "name", val = "Display Name Not The Id" },
            new { typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", val = "someone@example.com" },
        };
        claims.AddRange(roles.Select(role => new { typ = "roles", val = role }));
        return Base64(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims,
        }));
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
