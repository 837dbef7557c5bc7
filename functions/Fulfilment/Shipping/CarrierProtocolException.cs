namespace Fulfilment.Shipping;

/// <summary>
/// The carrier answered something the integration does not allow (a 201 without a shipment id, an unexpected status
/// such as 401 for a wrong API key). Treated as transient: the command is redelivered, then dead-lettered.
/// </summary>
public sealed class CarrierProtocolException : Exception
{
    public CarrierProtocolException()
    {
    }

    public CarrierProtocolException(string message)
        : base(message)
    {
    }

    public CarrierProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
