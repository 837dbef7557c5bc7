using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Problem = Fulfilment.Http.Problem;

namespace Fulfilment.Functions.Http;

/// <summary>
/// The caller App Service authentication (Entra ID) vouches for. The platform validates the bearer token in front of
/// the app, strips any <c>X-MS-CLIENT-PRINCIPAL</c> header a client sends, and passes its own: base64 of
/// <c>{"auth_typ", "name_typ", "role_typ", "claims": [{"typ", "val"}]}</c> with the token's claims after the
/// platform's claim mapping. The id is the Entra object id (claim
/// <c>http://schemas.microsoft.com/identity/claims/objectidentifier</c>, or <c>oid</c> unmapped): stable and unique
/// in the tenant, unlike a display name or e-mail. The roles are the app roles assigned to the caller (claims of
/// type <c>roles</c>, or of the header's <c>role_typ</c>). docs/warehouse.md, "Who may work the picking floor".
/// </summary>
internal sealed record ClientPrincipal(string ObjectId, IReadOnlyList<string> Roles)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    public const string RolesClaim = "roles";

    /// <summary>A bound on what is decoded: a longer header is refused (401), not parsed.</summary>
    public const int MaxHeaderLength = 32 * 1024;

    private const string UnmappedObjectIdClaim = "oid";

    /// <summary>
    /// Why the header must not be believed, or null when it may be: <paramref name="trustSetting"/>
    /// (<c>Warehouse:TrustClientPrincipal</c>) says App Service authentication is deployed in front of the app, and,
    /// on App Service (<paramref name="websiteSiteName"/> set by the platform), the platform also says it is on now
    /// (<paramref name="websiteAuthEnabled"/>, its <c>WEBSITE_AUTH_ENABLED</c>, is <c>True</c>): a setting that
    /// outlives the authentication — switched off in the portal, or not yet applied by a deployment — never lets a
    /// forged header through. Off App Service (local development) the setting alone decides.
    /// </summary>
    public static string? Distrust(bool trustSetting, string? websiteSiteName, string? websiteAuthEnabled) =>
        !trustSetting
            ? "App Service authentication is not configured in front of this app (Warehouse:TrustClientPrincipal is false), so no caller can be identified."
            : !string.IsNullOrEmpty(websiteSiteName) && !string.Equals(websiteAuthEnabled, "True", StringComparison.OrdinalIgnoreCase)
                ? "App Service authentication is not enabled on this app now (WEBSITE_AUTH_ENABLED is not True), so no caller can be identified."
                : null;

    /// <summary>
    /// The principal of <paramref name="request"/>, or a 401 problem: when the header is not to be believed
    /// (<paramref name="distrust"/>, from <see cref="Distrust"/>, says why), absent, given twice, or not base64 JSON
    /// with exactly one object id.
    /// </summary>
    public static (ClientPrincipal? Principal, Problem? Problem) Read(HttpRequest request, string? distrust)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (distrust is not null)
        {
            return (null, Problem.Unauthorized(distrust));
        }

        if (!request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return (null, Problem.Unauthorized($"No authenticated caller: sign in with Entra ID (App Service authentication passes the caller as {Header})."));
        }

        if (values.Count > 1)
        {
            return (null, Malformed("it is given more than once"));
        }

        var header = values[0]!;
        if (header.Length > MaxHeaderLength)
        {
            return (null, Malformed($"it is longer than {MaxHeaderLength} characters"));
        }

        var bytes = new byte[header.Length];
        if (!Convert.TryFromBase64String(header.Trim(), bytes, out var length))
        {
            return (null, Malformed("it is not base64"));
        }

        try
        {
            using var json = JsonDocument.Parse(bytes.AsMemory(0, length));
            return Parse(json.RootElement);
        }
        catch (JsonException)
        {
            return (null, Malformed("it is not base64 of JSON"));
        }
    }

    private static (ClientPrincipal? Principal, Problem? Problem) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
        {
            return (null, Malformed("it has no claims array"));
        }

        var roleType = root.TryGetProperty("role_typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString() : null;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var roles = new List<string>();
        foreach (var claim in claims.EnumerateArray())
        {
            if (claim.ValueKind != JsonValueKind.Object
                || !claim.TryGetProperty("typ", out var type) || type.ValueKind != JsonValueKind.String
                || !claim.TryGetProperty("val", out var value) || value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var name = type.GetString();
            if (name is ObjectIdClaim or UnmappedObjectIdClaim && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                ids.Add(value.GetString()!.Trim());
            }
            else if (name == RolesClaim || (roleType is not null && name == roleType))
            {
                roles.Add(value.GetString()!);
            }
        }

        return ids.Count switch
        {
            1 => (new ClientPrincipal(ids.Single(), roles), null),
            0 => (null, Malformed("it has no object id claim (a user or app signed in with Entra ID has one)")),
            _ => (null, Malformed("it has more than one object id")),
        };
    }

    private static Problem Malformed(string why) => Problem.Unauthorized($"The {Header} header is malformed: {why}.");
}
