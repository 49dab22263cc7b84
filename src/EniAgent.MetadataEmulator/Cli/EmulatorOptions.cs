using System.Net;

namespace EniAgent.MetadataEmulator.Cli;

/// <summary>The emulator's command line: <c>--scenario FILE [--listen http://IP:PORT] [--watch]</c>.</summary>
internal sealed record EmulatorOptions(string ScenarioPath, IPEndPoint Listen, bool Watch)
{
    public const string DefaultListen = "http://127.0.0.1:0";

    public const string Usage =
        "usage: eniagent-metadata-emulator --scenario FILE [--listen http://IP:PORT] [--watch]\n" +
        "  --scenario FILE   scenario JSON (docs/emulator.md)\n" +
        "  --listen URL      http://IP:PORT to listen on; port 0 picks a free port (default " + DefaultListen + ")\n" +
        "  --watch           reload the scenario file when it changes";

    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        string? scenario = null;
        var listen = DefaultListen;
        var watch = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--scenario":
                    scenario = Value(args, ref i);
                    break;
                case "--listen":
                    listen = Value(args, ref i);
                    break;
                case "--watch":
                    watch = true;
                    break;
                default:
                    throw new UsageException($"unknown argument \"{args[i]}\"");
            }
        }

        if (string.IsNullOrEmpty(scenario))
        {
            throw new UsageException("--scenario FILE is required");
        }

        return new EmulatorOptions(Path.GetFullPath(scenario), ParseListen(listen), watch);
    }

    /// <summary>Accepts exactly <c>http://IP:PORT</c> (IPv6 in brackets); host names are refused so the bind is unambiguous.</summary>
    public static IPEndPoint ParseListen(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttp
            || uri.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6)
            || uri.PathAndQuery != "/"
            || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new UsageException($"--listen must look like http://IP:PORT, not \"{text}\"");
        }

        return new IPEndPoint(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new UsageException($"{args[i - 1]} needs a value");
}
