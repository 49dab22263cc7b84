using EniAgent.Core.Configuration;

namespace EniAgent.Core.Tests.Configuration;

/// <summary>The shipped example and the reference page agree with the code.</summary>
public class ShippedConfigurationTests
{
    [Fact]
    public void Packaged_example_sets_every_key_to_its_default()
    {
        var text = RepoFiles.Read("packaging/eniagent.yaml");
        Assert.Equal(new AgentOptions(), AgentOptionsParser.Parse(text, "packaging/eniagent.yaml"));
    }

    [Fact]
    public void Packaged_example_mentions_every_key()
    {
        var text = RepoFiles.Read("packaging/eniagent.yaml");
        foreach (var section in new[] { string.Empty, "metadata", "routing", "primary", "persist", "daemon" })
        {
            foreach (var key in AgentOptionsParser.KeysOf(section))
            {
                Assert.Contains(key + ":", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Reference_page_embeds_the_packaged_example_verbatim()
    {
        var example = RepoFiles.Read("packaging/eniagent.yaml");
        var docs = RepoFiles.Read("docs/configuration.md");
        Assert.Contains("```yaml\n" + example + "```", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_page_documents_every_key()
    {
        var docs = RepoFiles.Read("docs/configuration.md");
        foreach (var section in new[] { "metadata", "routing", "primary", "persist", "daemon" })
        {
            foreach (var key in AgentOptionsParser.KeysOf(section))
            {
                Assert.Contains($"`{section}.{key}`", docs, StringComparison.Ordinal);
            }
        }

        foreach (var key in new[] { "exclude", "ipv6", "log-level" })
        {
            Assert.Contains($"`{key}`", docs, StringComparison.Ordinal);
        }
    }
}
