using CsCheck;
using EniAgent.Core.Configuration;

namespace EniAgent.Core.Tests.Configuration;

/// <summary>Whatever the file holds, the parser returns options or throws <see cref="ConfigurationException"/>, nothing else.</summary>
public class AgentOptionsParserPropertyTests
{
    private static readonly string[] Fragments =
    [
        "metadata:", "routing:", "exclude:", "primary:", "persist:", "daemon:", "ipv6:", "log-level:", "url:", "token-ttl:",
        "attempt-timeout:", "table-base:", "max-enis:", "protocol:", "renderer:", "poll-interval:", "manage-secondary-ips:",
        "  ", "    ", "\n", "\t", "- ", "[", "]", "{", "}", ",", ":", "#", "&a", "*a", "!!str", "!x", "|", ">", "'", "\"", "---",
        "...", "%YAML 1.2", "~", "null", "true", "yes", "2s", "10m", "500ms", "6h", "99999999999999999999h", "-1", "0", "31000",
        "255", "http://100.100.100.200", "eth0", "eni-abc", "00:16:3e:aa:bb:cc", "auto", "ifcfg", "\\", "\u00e9", "\r\n", "?",
        "@", "`", "%", "\0", "\ufeff",
    ];

    [Fact]
    public void Arbitrary_text_only_ever_throws_ConfigurationException()
    {
        Gen.String.Sample(Check, iter: 20_000);
    }

    [Fact]
    public void Yaml_shaped_text_only_ever_throws_ConfigurationException()
    {
        Gen.OneOf(Fragments).Array[0, 60].Select(parts => string.Concat(parts)).Sample(Check, iter: 50_000);
    }

    [Fact]
    public void Yaml_alphabet_text_only_ever_throws_ConfigurationException()
    {
        Gen.String[Gen.Char["ab:-[]{}#&*!|>'\" \n\t,?~0123456789msh."], 0, 120].Sample(Check, iter: 50_000);
    }

    private static void Check(string text)
    {
        try
        {
            _ = AgentOptionsParser.Parse(text, "eniagent.yaml");
        }
        catch (ConfigurationException ex)
        {
            Assert.Equal("eniagent.yaml", ex.FileName);
            Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
        }
    }
}
