using System.Net;
using System.Net.Sockets;

namespace Polder.Service.Tests.Infrastructure;

/// <summary>Loopback ports for silos and APIs started by the tests.</summary>
public static class Loopback
{
    /// <summary>A port free on 127.0.0.1 now.</summary>
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
