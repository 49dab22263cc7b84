using System.Net.Sockets;
using System.Text;

namespace EniAgent.TestKit.Topology;

/// <summary>One route as <c>ip -j route</c> shows it; <see cref="Table"/> is <c>main</c> when ip leaves it out.</summary>
public sealed record IpRoute(
    AddressFamily Family, string Type, string Destination, string? Gateway, string? Device, string Table, string? Protocol, string? Scope, string? PreferredSource)
{
    public bool IsDefault => Destination == "default";

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Type == "unicast" ? string.Empty : Type + " ").Append(Destination);
        Append(text, "via", Gateway);
        Append(text, "dev", Device);
        Append(text, "table", Table);
        Append(text, "proto", Protocol);
        Append(text, "scope", Scope);
        Append(text, "src", PreferredSource);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(' ').Append(key).Append(' ').Append(value);
        }
    }
}
