using System.Globalization;
using System.Net;
using System.Text;

namespace EniAgent.Core.Planning;

/// <summary>Formats routes the way <c>ip route</c> prints them, for plans and status.</summary>
public static class RouteText
{
    public static string Format(IPNetwork destination, IPAddress? gateway, string? linkName, IPAddress? source, uint table)
    {
        var text = new StringBuilder(destination.PrefixLength == 0 ? "default" : destination.ToString());
        if (gateway is not null)
        {
            text.Append(" via ").Append(gateway);
        }

        if (linkName is not null)
        {
            text.Append(" dev ").Append(linkName);
        }

        if (source is not null)
        {
            text.Append(" src ").Append(source);
        }

        text.Append(" table ").Append(table.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }
}
