using System.Net;
using System.Net.Sockets;

namespace Jukebox.Accounts.Users;

/// <summary>Who is trying to sign in, as far as throttling goes: the client's address.</summary>
public static class SignInClient
{
    /// <summary>
    /// The address, or for IPv6 its /64 network: one subscriber usually holds a whole /64, and would
    /// otherwise get a fresh allowance per address.
    /// </summary>
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
