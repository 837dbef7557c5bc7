using System.Net;
using System.Net.Sockets;

namespace Fulfilment.Sandbox.Storage;

/// <summary>A free TCP port on the loopback address, for the local servers the sandbox and the tests start (Azurite, the Durable engine).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
