using System.Text.RegularExpressions;
using Fulfilment.Contracts;

namespace Fulfilment.Warehouse;

/// <summary>What order-ready-for-shipping requires of its customer and address (the published schema's rules).</summary>
internal static partial class ShippingAddressRules
{
    /// <summary>Why the customer or address cannot go into order-ready-for-shipping, or null when they can.</summary>
    public static string? Problem(Guid customerId, Address? address)
    {
        if (customerId == Guid.Empty)
        {
            return "customerId is empty";
        }

        if (address is null)
        {
            return "shippingAddress is required";
        }

        if (string.IsNullOrWhiteSpace(address.Line1) || string.IsNullOrWhiteSpace(address.City) || string.IsNullOrWhiteSpace(address.Postcode))
        {
            return "shippingAddress needs line1, city and postcode";
        }

        return address.Country is not null && CountryCode().IsMatch(address.Country)
            ? null
            : "shippingAddress.country must be two capital letters (ISO 3166-1 alpha-2)";
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
