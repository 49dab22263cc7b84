using EniAgent.Core.Configuration;
using EniAgent.Platform.Configuration;
using EniAgent.Platform.Tests.Files;

namespace EniAgent.Platform.Tests.Configuration;

public class ConfigurationLoaderTests
{
    [Fact]
    public void Absent_default_file_gives_defaults()
    {
        using var root = new TempRoot();
        Assert.Equal(new AgentOptions(), ConfigurationLoader.Load(null, root.Path));
    }

    [Fact]
    public void Default_file_is_read_under_the_root()
    {
        using var root = new TempRoot();
        root.Write("/etc/eniagent/eniagent.yaml", "routing:\n  max-enis: 9\n");
        Assert.Equal(9, ConfigurationLoader.Load(null, root.Path).Routing.MaxSlots);
    }

    [Fact]
    public void Explicit_path_is_used_as_given_and_must_exist()
    {
        using var root = new TempRoot();
        var file = Path.Combine(root.Path, "custom.yaml");
        var ex = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(file, root.Path));
        Assert.Equal(file, ex.FileName);
        Assert.Contains("cannot be read", ex.Reason, StringComparison.Ordinal);

        File.WriteAllText(file, "ipv6: false\n");
        Assert.False(ConfigurationLoader.Load(file, root.Path).Ipv6);
    }

    [Fact]
    public void Errors_name_the_resolved_file()
    {
        using var root = new TempRoot();
        var file = root.Write("/etc/eniagent/eniagent.yaml", "\n\nipv6: maybe\n");
        var ex = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, root.Path));
        Assert.Equal(file, ex.FileName);
        Assert.Equal(3, ex.Line);
        Assert.StartsWith(file + ":3:7: ipv6: 'maybe'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        using var root = new TempRoot();
        var file = root.Paths.ConfigFile;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. "ipv6: false\n"u8]);
        Assert.False(ConfigurationLoader.Load(null, root.Path).Ipv6);
    }

    [Fact]
    public void Invalid_utf8_is_an_error()
    {
        using var root = new TempRoot();
        var file = root.Paths.ConfigFile;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, [.. "ipv6: "u8, 0xFF, 0xFE, (byte)'\n']);
        var ex = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, root.Path));
        Assert.Contains("not UTF-8", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_or_huge_file_is_an_error()
    {
        using var root = new TempRoot();
        root.MakeDirectory("/etc/eniagent/eniagent.yaml");
        Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, root.Path));

        var big = Path.Combine(root.Path, "big.yaml");
        File.WriteAllText(big, "# " + new string('x', ConfigurationLoader.MaxFileBytes) + "\n");
        Assert.Contains("at most", Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(big, root.Path)).Reason, StringComparison.Ordinal);
    }
}
